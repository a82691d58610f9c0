import type { RedisLike } from './redis-like';
import { isRedisReplyError, toRedisUnavailableError } from './errors';

/** SCAN's COUNT per call: large enough to need few calls, small enough to stay sub-millisecond. */
const scanBatchKeys = 1_000;

export interface StreamDiscovery {
  streams: string[];
  /** One per SCAN call: at most ceil(maxKeysExamined / 1000). */
  roundTrips: number;
  /** True when the budget ran out before SCAN finished the key space. */
  truncated: boolean;
  error: string | null;
}

/**
 * Finds stream keys matching `pattern` with `SCAN cursor MATCH pattern COUNT n TYPE stream`.
 * SCAN is not pipelined: each call needs the cursor of the one before. The key space may be
 * huge, so the walk stops once the COUNT hints add up to `maxKeysExamined`: COUNT is the
 * amount of work Redis does per call, whatever MATCH and TYPE keep of it.
 */
export async function discoverStreams(redis: RedisLike, pattern: string, maxKeysExamined: number): Promise<StreamDiscovery> {
  const found = new Set<string>();
  let cursor = '0';
  let examined = 0;
  let roundTrips = 0;
  do {
    const count = Math.min(scanBatchKeys, maxKeysExamined - examined);
    let reply: [cursor: string, keys: string[]];
    try {
      roundTrips += 1;
      reply = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count, 'TYPE', 'stream');
    } catch (error) {
      if (!isRedisReplyError(error)) {
        throw toRedisUnavailableError(error);
      }
      return { streams: [...found].sort(), roundTrips, truncated: false, error: error.message };
    }
    examined += count;
    cursor = reply[0];
    for (const key of reply[1]) {
      found.add(key);
    }
  } while (cursor !== '0' && examined < maxKeysExamined);
  return { streams: [...found].sort(), roundTrips, truncated: cursor !== '0', error: null };
}
