import { loadConfig, type KafkaClusterConfig } from '@/lib/config';
import { analysisSettingsFrom, type ConsumerAnalysisSettings } from '@/lib/consumers/analysis-settings';
import type { DatabaseClient } from '@/lib/db/create-client';
import { observeKafkaCluster } from '@/lib/kafka';
import type { createRedisClient } from '@/lib/redis/client';
import { observeRedisStreams } from '@/lib/redis/observe-streams';
import type { Clock } from '../clock';
import { Collector } from '../collector';
import type { CollectorInstance } from '../lease';
import { singleProcessLeadership, type LeaderElection } from '../leader-election';

/**
 * A collector over explicit sources, for the integration tests and the benchmark: real Kafka
 * clusters and a real Redis, chosen by the caller instead of read from the environment.
 */
export interface TestCollectorOptions {
  database: () => Promise<DatabaseClient>;
  clock: Clock;
  clusters: KafkaClusterConfig[];
  redis?: { client: ReturnType<typeof createRedisClient>; streams: string[] } | null;
  election?: LeaderElection;
  intervalMs?: number;
  retentionRawMs?: number;
  retentionRollupMs?: number;
  analysis?: ConsumerAnalysisSettings;
  requestTimeoutMs?: number;
  instance?: CollectorInstance;
  afterLeaderPass?: () => void;
}

/** The defaults a fresh installation uses (stuck window 5 min, Burrow window 10, look-back 10 min). */
export const defaultAnalysisSettings = (): ConsumerAnalysisSettings => analysisSettingsFrom(loadConfig({}));

export function testCollector(options: TestCollectorOptions): Collector {
  const redis = options.redis ?? null;
  return new Collector({
    database: options.database,
    election: options.election ?? singleProcessLeadership,
    sources: {
      kafkaClusters: options.clusters,
      observeKafka: (cluster) => observeKafkaCluster(cluster, { requestTimeoutMs: options.requestTimeoutMs ?? 3_000 }),
      observeRedis: redis ? () => observeRedisStreams(redis.client, { streams: redis.streams }) : null,
    },
    clock: options.clock,
    intervalMs: options.intervalMs ?? 30_000,
    retentionRawMs: options.retentionRawMs ?? 48 * 3_600_000,
    retentionRollupMs: options.retentionRollupMs ?? 30 * 86_400_000,
    analysis: options.analysis ?? defaultAnalysisSettings(),
    ...(options.instance ? { instance: options.instance } : {}),
    afterLeaderPass: options.afterLeaderPass,
  });
}
