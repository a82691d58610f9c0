/**
 * Sign-in throttling, per user name and per client address: after `freeAttempts` failures in a
 * row, each further failure locks that key for a doubling time (1 s, 2 s, 4 s, … up to
 * `maxLockMs`). A locked attempt is refused before any password hash is computed, which is
 * what makes guessing expensive for the attacker and cheap for the server. Memory is bounded:
 * at most `maxEntries` keys, the least recently failed forgotten first, and a key forgets its
 * failures once it has been quiet for twice the longest lock. Pure (clock injected).
 */

export interface SignInThrottleSettings {
  freeAttemptsPerUser: number;
  freeAttemptsPerAddress: number;
  maxLockMs: number;
  maxEntries: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  /** 0 when allowed. */
  retryAfterMs: number;
}

interface FailureRecord {
  failures: number;
  lockedUntilMs: number;
  lastFailureMs: number;
}

const baseLockMs = 1_000;

export class SignInThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly settings: SignInThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {}

  check(username: string, address: string): ThrottleDecision {
    const nowMs = this.now();
    const lockedUntilMs = Math.max(this.lockedUntil(userKey(username), nowMs), this.lockedUntil(addressKey(address), nowMs));
    return lockedUntilMs > nowMs ? { allowed: false, retryAfterMs: lockedUntilMs - nowMs } : { allowed: true, retryAfterMs: 0 };
  }

  recordFailure(username: string, address: string): void {
    const nowMs = this.now();
    this.fail(userKey(username), this.settings.freeAttemptsPerUser, nowMs);
    this.fail(addressKey(address), this.settings.freeAttemptsPerAddress, nowMs);
  }

  /** A right password clears the user's failures; the address keeps its own (one valid account must not reset it). */
  recordSuccess(username: string): void {
    this.records.delete(userKey(username));
  }

  get size(): number {
    return this.records.size;
  }

  private current(key: string, nowMs: number): FailureRecord | undefined {
    const record = this.records.get(key);
    if (record && nowMs - record.lastFailureMs > 2 * this.settings.maxLockMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private lockedUntil(key: string, nowMs: number): number {
    return this.current(key, nowMs)?.lockedUntilMs ?? 0;
  }

  private fail(key: string, freeAttempts: number, nowMs: number): void {
    const failures = (this.current(key, nowMs)?.failures ?? 0) + 1;
    const excess = failures - freeAttempts;
    const lockMs = excess > 0 ? Math.min(this.settings.maxLockMs, baseLockMs * 2 ** Math.min(excess - 1, 40)) : 0;
    // Re-inserted, so the Map's order is least recently failed first.
    this.records.delete(key);
    this.records.set(key, { failures, lockedUntilMs: lockMs > 0 ? nowMs + lockMs : 0, lastFailureMs: nowMs });
    while (this.records.size > this.settings.maxEntries) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
  }
}

const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * The client address as the nearest proxy reports it: the last X-Forwarded-For entry (Next's
 * server adds the socket address when the header is missing), else X-Real-IP.
 */
export function clientAddressFrom(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get('x-real-ip')?.trim() ?? 'unknown').slice(0, 64);
}
