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
import { sourceFetchCounts } from '@/lib/sources/fetch-count';
import { Counter } from 'prom-client';
import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import { filterByTeamScope, unrestrictedScope, type TeamScope } from '@/lib/teams/team-scope';

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

/**
 * One scrape: both sources read in parallel (through their caches) into a fresh registry,
 * holding only the groups and streams `scope` may see (an admin's scope is everything).
 */
export async function collectMetrics(scope: TeamScope = unrestrictedScope): Promise<MetricsExposition> {
  const config = getConfig();
  const { registry, gauges } = createMetricsRegistry();
  const clusters = listKafkaClusters();
  const [redis, kafka, timeLags] = await Promise.all([
    observeRedis(),
    Promise.all(clusters.map((cluster) => observeKafka(cluster.id))),
    Promise.all(clusters.map((cluster) => readTimeLags(cluster.id))),
  ]);

  gauges.heapUsed.set(process.memoryUsage().heapUsed);
  gauges.sourceUp.set({ source: 'redis' }, redis ? 1 : 0);
  const visibleStreamNames = new Set<string>();
  const visibleGroupIds = clusters.map(() => new Set<string>());
  if (redis) {
    const visibleStreams = filterByTeamScope(redis.streams, 'redis_stream', (stream) => stream.name, scope, null);
    for (const stream of visibleStreams) visibleStreamNames.add(stream.name);
    recordRedisObservation(gauges, { ...redis, streams: visibleStreams }, {
      configuredGroup: config.eventTransport.consumerGroup,
      deadConsumerIdleMs: config.streamMonitoring.deadConsumerIdleMs,
      consumerSeriesPerGroup: config.streamMonitoring.metricsConsumerSeriesPerGroup,
    });
  }
  clusters.forEach((cluster, index) => {
    const observation = kafka[index] ?? null;
    gauges.sourceUp.set({ source: 'kafka', cluster: cluster.id }, observation && isKafkaClusterUp(observation) ? 1 : 0);
    if (observation) {
      const groups = filterByTeamScope(observation.groups, 'kafka_group', (group) => group.groupId, scope, cluster.id);
      for (const group of groups) visibleGroupIds[index]!.add(group.groupId);
      recordKafkaObservation(gauges, { ...observation, groups }, timeLags[index] ?? null);
    }
  });
  const fetches = new Counter({
    name: 'lagboard_source_fetches_total',
    help: 'Reads of a source by this process: caller "viewers" is the shared cache (at most one per SOURCE_CACHE_TTL_MS per view), "collector" one per snapshot',
    labelNames: ['source', 'caller'],
    registers: [registry],
  });
  for (const { source, caller, count } of sourceFetchCounts()) fetches.inc({ source, caller }, count);
  // The scaling recommendations read history; a failure leaves them out, never the scrape. Like
  // every other series they hold only the groups and streams the caller may see.
  await Promise.all([
    ...kafka.map((observation, index) => observation && recordKafkaScaling(gauges, observation, visibleGroupIds[index]!).catch((error: unknown) => {
      log.warn('metrics.scaling_unavailable', { cluster: observation.clusterId, reason: describeError(error) });
    })),
    redis && recordRedisScaling(gauges, redis, visibleStreamNames).catch((error: unknown) => log.warn('metrics.scaling_unavailable', { source: 'redis', reason: describeError(error) })),
  ]);
  return { text: await registry.metrics(), contentType: registry.contentType };
}
