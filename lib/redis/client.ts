import 'server-only';
import { Redis } from 'ioredis';
import type { RedisLike } from './redis-like';
import { ensureConnected } from './connection';
import { toRedisUnavailableError } from './errors';

export type { RedisLike };

export interface RedisClientSettings {
  url: string;
  commandTimeoutMs: number;
}

/**
 * A client that fails fast: with the offline queue disabled a command sent while Redis is
 * down is rejected at once instead of waiting for a reconnect, so a dashboard request gets a
 * RedisUnavailableError within the connect or command timeout, never a hang. It reconnects
 * in the background with a capped backoff.
 */
export function createRedisClient(settings: RedisClientSettings): RedisLike {
  const client = new Redis(settings.url, {
    lazyConnect: true,
    connectTimeout: Math.min(settings.commandTimeoutMs, 10_000),
    commandTimeout: settings.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    connectionName: 'lagboard',
  });
  // Without a listener ioredis prints every connection error with host and port; callers
  // learn about failures from RedisUnavailableError instead.
  client.on('error', () => undefined);
  return client;
}

// Kept on globalThis so that Next's dev reloads reuse the connection instead of leaking one
// per edit.
const cache = globalThis as typeof globalThis & { lagboardRedisClient?: { key: string; client: RedisLike } };

/** The app's one client. Settings come from getConfig().redis; new settings replace it. */
export function getRedisClient(settings: RedisClientSettings): RedisLike {
  const key = `${settings.url}\n${settings.commandTimeoutMs}`;
  if (cache.lagboardRedisClient?.key !== key) {
    cache.lagboardRedisClient?.client.disconnect();
    cache.lagboardRedisClient = { key, client: createRedisClient(settings) };
  }
  return cache.lagboardRedisClient.client;
}

/** Round-trip time of a PING, or RedisUnavailableError. */
export async function pingRedis(redis: RedisLike): Promise<{ latencyMs: number }> {
  await ensureConnected(redis);
  const startedAt = performance.now();
  try {
    await redis.ping();
  } catch (error) {
    throw toRedisUnavailableError(error);
  }
  return { latencyMs: performance.now() - startedAt };
}
