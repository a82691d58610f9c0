/**
 * Where the collector gets time from. Production uses the system clock; tests use ManualClock and
 * move time forward explicitly, so intervals, retention and rollup boundaries are tested without
 * sleeping.
 */
export interface Clock {
  nowMs(): number;
  /** Calls `callback` once after `delayMs` of this clock's time; returns a function that cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    // A pending snapshot must never keep a script or a test process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface Scheduled {
  dueAtMs: number;
  callback: () => void;
}

/** A clock that moves only when told to; due callbacks run in time order during `advance`. */
export class ManualClock implements Clock {
  private readonly scheduled = new Set<Scheduled>();

  constructor(private currentMs: number) {}

  nowMs(): number {
    return this.currentMs;
  }

  schedule(callback: () => void, delayMs: number): () => void {
    const entry = { dueAtMs: this.currentMs + Math.max(0, delayMs), callback };
    this.scheduled.add(entry);
    return () => this.scheduled.delete(entry);
  }

  /** Sets the time without running callbacks (for tests that call the collector directly). */
  set(timeMs: number): void {
    this.currentMs = timeMs;
  }

  advance(durationMs: number): void {
    const targetMs = this.currentMs + durationMs;
    for (;;) {
      const next = [...this.scheduled].filter((entry) => entry.dueAtMs <= targetMs).sort((left, right) => left.dueAtMs - right.dueAtMs)[0];
      if (!next) break;
      this.scheduled.delete(next);
      this.currentMs = Math.max(this.currentMs, next.dueAtMs);
      next.callback();
    }
    this.currentMs = targetMs;
  }

  get pendingCount(): number {
    return this.scheduled.size;
  }
}
