import 'server-only';
import { getConfig } from '@/lib/config';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { getRedisClient, observeGroupLag, observeRedisStreams, type RedisGroupLagObservation } from '@/lib/redis';
import type { RedisObservation } from '@/lib/observations/redis';
import { countSourceFetch } from './fetch-count';

// The Redis source's caches, shared by every page and API caller: the full observation (one
// key) and the one-group lag observation of the lag endpoints (one key per group and kind).
const globalCache = globalThis as unknown as {
  lagboardRedisCache?: TtlCache<RedisObservation>;
  lagboardRedisGroupLagCache?: TtlCache<RedisGroupLagObservation>;
};

function cache(): TtlCache<RedisObservation> {
  globalCache.lagboardRedisCache ??= new TtlCache(getConfig().sourceCacheTtlMs);
  return globalCache.lagboardRedisCache;
}

function groupLagCache(): TtlCache<RedisGroupLagObservation> {
  globalCache.lagboardRedisGroupLagCache ??= new TtlCache(getConfig().sourceCacheTtlMs);
  return globalCache.lagboardRedisGroupLagCache;
}

function streamSelection() {
  const config = getConfig();
  const discoveryPattern = config.streamMonitoring.discoveryPattern;
  return {
    streams: config.eventTransport.streams,
    ...(discoveryPattern ? { discoveryPattern, discoveryMaxKeys: config.streamMonitoring.discoveryMaxKeys } : {}),
  };
}

/**
 * One fresh observation of the configured streams and of those the discovery pattern finds,
 * every group of each with consumers and pending entries (streams list, detail, metrics).
 */
export function observeConfiguredRedisStreams(): Promise<RedisObservation> {
  return observeRedisStreams(getRedisClient(getConfig().redis), streamSelection());
}

/** The cached full observation (single-flight, SOURCE_CACHE_TTL_MS). */
export function getRedisObservation(): Promise<RedisObservation> {
  return cache().get('redis', () => {
    countSourceFetch('redis', 'viewers');
    return observeConfiguredRedisStreams();
  });
}

/** One fresh lag observation of one group on the same streams (consumer-lag, health). */
export function observeConfiguredGroupLag(consumerGroup: string, withConsumers: boolean): Promise<RedisGroupLagObservation> {
  return observeGroupLag(getRedisClient(getConfig().redis), { ...streamSelection(), consumerGroup, withConsumers });
}

/** The cached lag observation; health (no consumer names) and consumer-lag are cached apart. */
export function getRedisGroupLagObservation(consumerGroup: string, withConsumers: boolean): Promise<RedisGroupLagObservation> {
  const key = `${withConsumers ? 'with-consumers' : 'lag-only'}\u0000${consumerGroup}`;
  return groupLagCache().get(key, () => {
    countSourceFetch('redis', 'viewers');
    return observeConfiguredGroupLag(consumerGroup, withConsumers);
  });
}

/** After an operator action on a stream group: every cached Redis observation is read afresh. */
export function invalidateRedisObservations(): void {
  cache().invalidate();
  groupLagCache().invalidate();
}
