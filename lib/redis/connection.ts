import type { RedisLike } from './redis-like';
import { isRedisReplyError, RedisUnavailableError, toRedisUnavailableError } from './errors';

/**
 * Makes sure `redis` can take commands now, or throws RedisUnavailableError. A lazy client
 * that never connected is connected here; one that is reconnecting fails at once rather than
 * waiting for its next retry, because the clients are built with the offline queue disabled.
 */
export async function ensureConnected(redis: RedisLike): Promise<void> {
  if (redis.status === 'ready') {
    return;
  }
  if (redis.status === 'wait' || redis.status === 'end') {
    await connectOrThrowUnavailable(redis);
    return;
  }
  if (redis.status === 'connecting' || redis.status === 'connect') {
    await waitUntilReady(redis);
    return;
  }
  throw new RedisUnavailableError('not connected');
}

async function connectOrThrowUnavailable(redis: RedisLike): Promise<void> {
  // connect() rejects with a bare "Connection is closed."; the cause (ECONNREFUSED, a timed
  // out handshake, ...) arrives as an 'error' event just before it.
  let lastError: unknown;
  const onError = (error: unknown) => {
    lastError = error;
  };
  redis.on('error', onError);
  try {
    await redis.connect();
  } catch (error) {
    throw toRedisUnavailableError(lastError ?? error);
  } finally {
    redis.off('error', onError);
  }
}

function waitUntilReady(redis: RedisLike): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    const cleanUp = () => {
      redis.off('ready', onReady);
      redis.off('error', onError);
      redis.off('close', onClose);
    };
    const onReady = () => {
      cleanUp();
      resolve();
    };
    const onError = (error: unknown) => {
      lastError = error;
    };
    const onClose = () => {
      cleanUp();
      reject(toRedisUnavailableError(lastError ?? new Error('Connection is closed.')));
    };
    redis.on('ready', onReady);
    redis.on('error', onError);
    redis.on('close', onClose);
  });
}

export type RedisCommand = [command: string, ...args: Array<string | number>];

export type CommandResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Sends all commands in one pipeline: one write, one round trip. A reply error (WRONGTYPE,
 * NOGROUP, ...) stays with its command; a connection failure throws RedisUnavailableError.
 */
export async function runPipeline(redis: RedisLike, commands: RedisCommand[]): Promise<CommandResult[]> {
  if (commands.length === 0) {
    return [];
  }
  const pipeline = redis.pipeline();
  for (const [command, ...args] of commands) {
    pipeline.call(command, ...args);
  }
  let replies: Array<[Error | null, unknown]> | null;
  try {
    replies = await pipeline.exec();
  } catch (error) {
    throw toRedisUnavailableError(error);
  }
  if (!replies || replies.length !== commands.length) {
    throw new RedisUnavailableError('not connected');
  }
  return replies.map(([error, value]) => {
    if (!error) {
      return { ok: true, value };
    }
    if (!isRedisReplyError(error)) {
      throw toRedisUnavailableError(error);
    }
    return { ok: false, error: error.message };
  });
}
