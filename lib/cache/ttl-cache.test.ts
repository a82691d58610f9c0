import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

function deferred<Value>() {
  let resolve!: (value: Value) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Value>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}

describe('TtlCache', () => {
  it('runs one fetch for concurrent callers of the same key', async () => {
    const cache = new TtlCache<number>(1_000, () => 0);
    const pending = deferred<number>();
    let fetches = 0;
    const fetchValue = () => {
      fetches += 1;
      return pending.promise;
    };
    const callers = [cache.get('a', fetchValue), cache.get('a', fetchValue), cache.get('a', fetchValue)];
    pending.resolve(42);
    expect(await Promise.all(callers)).toEqual([42, 42, 42]);
    expect(fetches).toBe(1);
  });

  it('reuses a value within the TTL and fetches again after it', async () => {
    let nowMs = 0;
    const cache = new TtlCache<number>(5_000, () => nowMs);
    let fetches = 0;
    const fetchValue = async () => ++fetches;
    expect(await cache.get('a', fetchValue)).toBe(1);
    nowMs = 4_999;
    expect(await cache.get('a', fetchValue)).toBe(1);
    nowMs = 5_000;
    expect(await cache.get('a', fetchValue)).toBe(2);
  });

  it('keeps keys apart and does not cache failures', async () => {
    const cache = new TtlCache<string>(5_000, () => 0);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'up')).toBe('up');
    expect(await cache.get('b', async () => 'other')).toBe('other');
  });
});
