import 'server-only';
import { getConfig } from '@/lib/config';
import { describeError, log } from '@/lib/log';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { RedisObservation } from '@/lib/observations/redis';
import { RedisUnavailableError } from '@/lib/redis';
import { getKafkaObservation, listKafkaClusters } from '@/lib/sources/kafka';
import { getRedisObservation } from '@/lib/sources/redis';
import { isKafkaClusterUp, recordKafkaObservation } from './kafka-metrics';
import { recordRedisObservation } from './redis-metrics';
import { createMetricsRegistry } from './registry';
import { recordKafkaScaling, recordRedisScaling } from './scaling-metrics';
import { getLatestTimeLags } from '@/lib/history';
import type { LatestTimeLags } from '@/lib/history/latest-time-lags';

export interface MetricsExposition {
  text: string;
  contentType: string;
}

// A failing source must not fail the scrape: it is logged (without details that could hold an
// address) and shows up as lagboard_source_up 0, while the other sources are still exported.
async function observeRedis(): Promise<RedisObservation | null> {
  try {
    return await getRedisObservation();
  } catch (error) {
    const reason = error instanceof RedisUnavailableError ? error.reason : describeError(error);
    log.warn('metrics.redis_unavailable', { reason });
    return null;
  }
}

async function observeKafka(clusterId: string): Promise<KafkaClusterObservation | null> {
  try {
    return await getKafkaObservation(clusterId);
  } catch (error) {
    log.warn('metrics.kafka_unavailable', { cluster: clusterId, reason: describeError(error) });
    return null;
  }
}

// Time lag comes from the collector's snapshots; without them (no database, no snapshot yet)
// the lag-seconds series are simply absent.
async function readTimeLags(clusterId: string): Promise<LatestTimeLags | null> {
  try {
    return await getLatestTimeLags(clusterId);
  } catch (error) {
    log.warn('metrics.time_lag_unavailable', { cluster: clusterId, reason: describeError(error) });
    return null;
  }
}

/** One scrape: both sources read in parallel (through their caches) into a fresh registry. */
export async function collectMetrics(): Promise<MetricsExposition> {
  const config = getConfig();
  const { registry, gauges } = createMetricsRegistry();
  const clusters = listKafkaClusters();
  const [redis, kafka, timeLags] = await Promise.all([
    observeRedis(),
    Promise.all(clusters.map((cluster) => observeKafka(cluster.id))),
    Promise.all(clusters.map((cluster) => readTimeLags(cluster.id))),
  ]);

  gauges.sourceUp.set({ source: 'redis' }, redis ? 1 : 0);
  if (redis) {
    recordRedisObservation(gauges, redis, {
      configuredGroup: config.eventTransport.consumerGroup,
      deadConsumerIdleMs: config.streamMonitoring.deadConsumerIdleMs,
      consumerSeriesPerGroup: config.streamMonitoring.metricsConsumerSeriesPerGroup,
    });
  }
  clusters.forEach((cluster, index) => {
    const observation = kafka[index] ?? null;
    gauges.sourceUp.set({ source: 'kafka', cluster: cluster.id }, observation && isKafkaClusterUp(observation) ? 1 : 0);
    if (observation) {
      recordKafkaObservation(gauges, observation, timeLags[index] ?? null);
    }
  });
  // The scaling recommendations read history; a failure leaves them out, never the scrape.
  await Promise.all([
    ...kafka.map((observation) => observation && recordKafkaScaling(gauges, observation).catch((error: unknown) => {
      log.warn('metrics.scaling_unavailable', { cluster: observation.clusterId, reason: describeError(error) });
    })),
    redis && recordRedisScaling(gauges, redis).catch((error: unknown) => log.warn('metrics.scaling_unavailable', { source: 'redis', reason: describeError(error) })),
  ]);
  return { text: await registry.metrics(), contentType: registry.contentType };
}
