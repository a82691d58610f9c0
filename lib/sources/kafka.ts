import 'server-only';
import { getConfig, type KafkaClusterConfig } from '@/lib/config';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { observeKafkaCluster } from '@/lib/kafka';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { notFound } from '@/lib/api/errors';
import { getGroupHistoryWindow } from '@/lib/history';
import { describeError, log } from '@/lib/log';
import { countSourceFetch } from './fetch-count';

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

/**
 * Every fresh observation goes into the group window once, before any caller sees it, so the
 * analyses that read the window include it; cache hits record nothing. A failing window never
 * fails the observation: the views then judge from older points only.
 */
async function observeAndRecord(cluster: KafkaClusterConfig): Promise<KafkaClusterObservation> {
  countSourceFetch(`kafka:${cluster.id}`, 'viewers');
  const observation = await observeKafkaCluster(cluster, { requestTimeoutMs: getConfig().kafka.requestTimeoutMs });
  try {
    await getGroupHistoryWindow().record(cluster.id, observation);
  } catch (error) {
    log.warn('kafka.group_window_record_failed', { clusterId: cluster.id, error: describeError(error) });
  }
  return observation;
}

export function getKafkaObservation(clusterId: string): Promise<KafkaClusterObservation> {
  const cluster = findKafkaCluster(clusterId);
  return cache().get(cluster.id, () => observeAndRecord(cluster));
}

/** After an operator action: the next page or API call reads the cluster afresh and shows the result. */
export function invalidateKafkaObservation(clusterId: string): void {
  cache().invalidate(clusterId);
}
