import type { KafkaClusterConfig, LagboardConfig } from '@/lib/config';
import { observeKafkaCluster } from '@/lib/kafka';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { RedisObservation } from '@/lib/observations/redis';
import { countSourceFetch } from '@/lib/sources/fetch-count';
import { observeConfiguredRedisStreams } from '@/lib/sources/redis';

/**
 * What the collector observes. It calls the observe functions directly instead of the cached
 * sources in lib/sources: a cached observation can be up to SOURCE_CACHE_TTL_MS old, which would
 * stamp stale offsets with the snapshot's time and skew the time lag, and the collector keeps its
 * own cadence whether or not anyone is looking at the dashboard.
 */
export interface CollectorSources {
  kafkaClusters: readonly KafkaClusterConfig[];
  observeKafka(cluster: KafkaClusterConfig): Promise<KafkaClusterObservation>;
  /** null when this deployment does not watch Redis. */
  observeRedis: (() => Promise<RedisObservation>) | null;
}

export function sourcesFromConfig(config: LagboardConfig): CollectorSources {
  return {
    kafkaClusters: config.kafka.clusters,
    observeKafka: (cluster) => {
      countSourceFetch(`kafka:${cluster.id}`, 'collector');
      return observeKafkaCluster(cluster, { requestTimeoutMs: config.kafka.requestTimeoutMs });
    },
    // The same streams (configured list plus discovery) the Redis API watches, fetched fresh.
    observeRedis: () => {
      countSourceFetch('redis', 'collector');
      return observeConfiguredRedisStreams();
    },
  };
}
