import { describe, expect, it } from 'vitest';
import { VerifiedCredentials } from './verified-credentials';

describe('VerifiedCredentials', () => {
  it('serves an entry within the grace period and drops it after', () => {
    let nowMs = 1_000;
    const cache = new VerifiedCredentials<string>(10, () => nowMs);
    cache.remember('token:a', 'alice');
    nowMs = 1_000 + 59_999;
    expect(cache.recent('token:a', 60_000)).toBe('alice');
    nowMs = 1_000 + 60_000;
    expect(cache.recent('token:a', 60_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('a fresh verification restarts the grace period', () => {
    let nowMs = 0;
    const cache = new VerifiedCredentials<string>(10, () => nowMs);
    cache.remember('user:1', 'first');
    nowMs = 50_000;
    cache.remember('user:1', 'second');
    nowMs = 100_000;
    expect(cache.recent('user:1', 60_000)).toBe('second');
  });

  it('keeps at most maxEntries, evicting the least recently verified', () => {
    let nowMs = 0;
    const cache = new VerifiedCredentials<number>(3, () => nowMs);
    for (const key of ['a', 'b', 'c']) {
      nowMs += 1;
      cache.remember(key, nowMs);
    }
    cache.remember('a', 10);
    cache.remember('d', 11);
    expect(cache.size).toBe(3);
    expect(cache.recent('b', 1_000)).toBeNull();
    expect(cache.recent('a', 1_000)).toBe(10);
    expect(cache.recent('c', 1_000)).toBe(3);
    expect(cache.recent('d', 1_000)).toBe(11);
  });

  it('forgets a refused credential and a zero grace serves nothing', () => {
    const cache = new VerifiedCredentials<string>(10, () => 0);
    cache.remember('token:revoked', 'bob');
    cache.forget('token:revoked');
    expect(cache.recent('token:revoked', 60_000)).toBeNull();
    cache.remember('token:other', 'carol');
    expect(cache.recent('token:other', 0)).toBeNull();
  });
});
