/**
 * Credentials recently verified against the database, with what the request needed from it
 * (principal, team scope), so that while the database is down a caller verified within the grace
 * period still gets Kafka and Redis figures. Keys are a token's SHA-256 (`token:<hash>`) or a
 * session's user id (`user:<id>`); no plain token is kept. Bounded: the oldest entries go first.
 *
 * The cache is only read when the database cannot be reached. While it is up every request is
 * verified as usual, so a token revoked during an outage is refused at its first request after.
 */
export class VerifiedCredentials<Entry> {
  private readonly entries = new Map<string, { entry: Entry; verifiedAtMs: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  remember(key: string, entry: Entry): void {
    // Delete first, so the key moves to the end of the insertion order (the newest).
    this.entries.delete(key);
    this.entries.set(key, { entry, verifiedAtMs: this.nowMs() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Merges into an entry that is already there (a scope resolved after the principal). */
  update(key: string, change: (entry: Entry) => Entry): void {
    const found = this.entries.get(key);
    if (found) this.entries.set(key, { entry: change(found.entry), verifiedAtMs: found.verifiedAtMs });
  }

  /** The entry when it was verified less than `graceMs` ago, else null. */
  recent(key: string, graceMs: number): Entry | null {
    const found = this.entries.get(key);
    if (!found) return null;
    if (this.nowMs() - found.verifiedAtMs >= graceMs) {
      this.entries.delete(key);
      return null;
    }
    return found.entry;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
