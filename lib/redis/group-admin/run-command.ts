import { ensureConnected } from '../connection';
import { isRedisReplyError, toRedisUnavailableError } from '../errors';
import type { RedisLike } from '../redis-like';

/**
 * One command on a connected client. A reply error (NOGROUP, ERR no such key, ...) is thrown as
 * it is, for the caller to map to 404/400; anything else is the connection: RedisUnavailableError.
 */
export async function runCommand(redis: RedisLike, command: string, ...args: Array<string | number>): Promise<unknown> {
  await ensureConnected(redis);
  try {
    return await redis.call(command, ...args.map(String));
  } catch (error) {
    if (isRedisReplyError(error)) throw error;
    throw toRedisUnavailableError(error);
  }
}
