import 'server-only';
import { findUnreachableSources, type UnreachableSource } from '@/lib/analysis/source-reachability';
import { getConfig } from '@/lib/config';
import { describeError, log } from '@/lib/log';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { RedisUnavailableError } from '@/lib/redis';
import { getKafkaObservation, listKafkaClusters } from './kafka';
import { getRedisObservation } from './redis';

// Both reads go through the sources' TTL caches, so asking on every page adds no Kafka or
// Redis request beyond one per TTL. A failure that is not an outage is logged and left to the
// pages that show that source: the banner only speaks of sources it knows are down.

async function readKafka(clusterId: string): Promise<KafkaClusterObservation | null> {
  try {
    return await getKafkaObservation(clusterId);
  } catch (error) {
    log.warn('sources.kafka_read_failed', { cluster: clusterId, error: describeError(error) });
    return null;
  }
}

async function readRedisUnreachableReason(): Promise<string | null> {
  const { eventTransport, streamMonitoring } = getConfig();
  if (eventTransport.streams.length === 0 && !streamMonitoring.discoveryPattern) return null;
  try {
    await getRedisObservation();
    return null;
  } catch (error) {
    if (error instanceof RedisUnavailableError) return error.reason;
    log.warn('sources.redis_read_failed', { error: describeError(error) });
    return null;
  }
}

/** Every configured source that cannot be reached at all, from the cached observations. */
export async function readUnreachableSources(): Promise<UnreachableSource[]> {
  const [kafka, redisUnreachableReason] = await Promise.all([
    Promise.all(listKafkaClusters().map((cluster) => readKafka(cluster.id))),
    readRedisUnreachableReason(),
  ]);
  return findUnreachableSources({
    kafka: kafka.filter((observation): observation is KafkaClusterObservation => observation !== null),
    redisUnreachableReason,
  });
}
