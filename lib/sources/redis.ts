import 'server-only';
import { getConfig } from '@/lib/config';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { getRedisClient, observeRedisStreams } from '@/lib/redis';
import type { RedisObservation } from '@/lib/observations/redis';

// One cache for the Redis source, shared by every page and API caller.
const globalCache = globalThis as unknown as { lagboardRedisCache?: TtlCache<RedisObservation> };

function cache(): TtlCache<RedisObservation> {
  globalCache.lagboardRedisCache ??= new TtlCache(getConfig().sourceCacheTtlMs);
  return globalCache.lagboardRedisCache;
}

export function getRedisObservation(): Promise<RedisObservation> {
  const config = getConfig();
  return cache().get('redis', () =>
    observeRedisStreams(getRedisClient(config.redis), { streams: config.eventTransport.streams }),
  );
}
