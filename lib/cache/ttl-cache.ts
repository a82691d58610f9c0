/**
 * A per-key cache with single-flight: while a fetch for a key is running, every caller
 * waits for that one fetch, and its result is reused for `ttlMs`. Many viewers polling the
 * same cluster therefore cause one fetch per TTL, not one per viewer.
 * Failures are not cached, so the next caller retries at once.
 */
export class TtlCache<Value> {
  private readonly settled = new Map<string, { value: Value; storedAtMs: number }>();
  private readonly inFlight = new Map<string, Promise<Value>>();

  constructor(
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async get(key: string, fetchValue: () => Promise<Value>): Promise<Value> {
    const cached = this.settled.get(key);
    if (cached && this.nowMs() - cached.storedAtMs < this.ttlMs) {
      return cached.value;
    }
    const running = this.inFlight.get(key);
    if (running) {
      return running;
    }
    const fetching = fetchValue()
      .then((value) => {
        this.settled.set(key, { value, storedAtMs: this.nowMs() });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, fetching);
    return fetching;
  }

  invalidate(key?: string): void {
    if (key === undefined) this.settled.clear();
    else this.settled.delete(key);
  }
}
