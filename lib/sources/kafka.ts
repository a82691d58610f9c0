import 'server-only';
import { getConfig, type KafkaClusterConfig } from '@/lib/config';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { observeKafkaCluster } from '@/lib/kafka';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { notFound } from '@/lib/api/errors';

// One cache for the Kafka source: every viewer and API caller shares one fetch per TTL.
const globalCache = globalThis as unknown as { lagboardKafkaCache?: TtlCache<KafkaClusterObservation> };

function cache(): TtlCache<KafkaClusterObservation> {
  globalCache.lagboardKafkaCache ??= new TtlCache(getConfig().sourceCacheTtlMs);
  return globalCache.lagboardKafkaCache;
}

export function listKafkaClusters(): KafkaClusterConfig[] {
  return getConfig().kafka.clusters;
}

export function findKafkaCluster(clusterId: string): KafkaClusterConfig {
  const cluster = listKafkaClusters().find((candidate) => candidate.id === clusterId);
  if (!cluster) {
    throw notFound(`Unknown cluster "${clusterId}"; configured clusters: ${listKafkaClusters().map((item) => item.id).join(', ')}`);
  }
  return cluster;
}

export function getKafkaObservation(clusterId: string): Promise<KafkaClusterObservation> {
  const cluster = findKafkaCluster(clusterId);
  return cache().get(cluster.id, () => observeKafkaCluster(cluster, { requestTimeoutMs: getConfig().kafka.requestTimeoutMs }));
}
