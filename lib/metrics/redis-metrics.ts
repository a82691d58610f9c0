import type { RedisConsumerObservation, RedisObservation, RedisStreamGroupObservation } from '@/lib/observations/redis';
import { findDeadConsumerCandidates } from '@/lib/events/dead-consumers';
import { entryAgeMs, entryIdTimeMs } from '@/lib/events/entry-id-time';
import { groupLag, readStreamGroup } from '@/lib/events/lag-reading';
import type { LagboardGauges } from './registry';

export interface RedisMetricsOptions {
  /** EVENT_TRANSPORT_CONSUMER_GROUP: the group whose absence lagboard_redis_group_missing reports. */
  configuredGroup: string;
  deadConsumerIdleMs: number;
  /** At most this many consumers per group get consumer-level series. */
  consumerSeriesPerGroup: number;
}

const secondsFromMs = (milliseconds: number) => milliseconds / 1_000;

/**
 * The consumers worth a series when a group has more than the cap: those holding the most
 * pending entries, then the longest idle, since those are the ones an operator looks for.
 */
export function consumersForSeries(consumers: readonly RedisConsumerObservation[], cap: number): RedisConsumerObservation[] {
  return [...consumers].sort((left, right) => right.pending - left.pending || right.idleMs - left.idleMs).slice(0, cap);
}

function recordGroup(gauges: LagboardGauges, stream: string, group: RedisStreamGroupObservation, observedAtMs: number, options: RedisMetricsOptions): number {
  const labels = { stream, consumer_group: group.name };
  const lag = groupLag(group);
  // Unknown lag gets no series rather than a 0 that would read as "caught up".
  if (lag) {
    gauges.eventConsumerLag.set(labels, lag.lag);
    gauges.groupLagEstimated.set(labels, lag.estimated ? 1 : 0);
    gauges.groupLagAtLeast.set(labels, lag.atLeast ? 1 : 0);
  }
  gauges.groupPending.set(labels, group.pending);
  gauges.groupConsumers.set(labels, group.consumerCount);
  const summary = group.pendingSummary;
  if (summary && (summary.count === 0 || summary.oldestIdleMs !== null)) {
    gauges.groupOldestPendingIdle.set(labels, secondsFromMs(summary.oldestIdleMs ?? 0));
  }
  if (summary) {
    gauges.groupOldestPendingAge.set(labels, secondsFromMs(summary.count === 0 ? 0 : entryAgeMs(summary.oldestId, observedAtMs) ?? 0));
  }
  const lastDeliveredMs = entryIdTimeMs(group.lastDeliveredId);
  if (lastDeliveredMs !== null) {
    gauges.groupLastDeliveredTimestamp.set(labels, secondsFromMs(lastDeliveredMs));
  }
  gauges.groupDeadConsumers.set(labels, findDeadConsumerCandidates(group.consumers, options.deadConsumerIdleMs).length);

  const kept = consumersForSeries(group.consumers, options.consumerSeriesPerGroup);
  for (const consumer of kept) {
    const consumerLabels = { ...labels, consumer: consumer.name };
    gauges.consumerPending.set(consumerLabels, consumer.pending);
    gauges.consumerIdle.set(consumerLabels, secondsFromMs(consumer.idleMs));
  }
  return group.consumers.length - kept.length;
}

/** Sets every Redis gauge from one observation; returns nothing, the registry holds it. */
export function recordRedisObservation(gauges: LagboardGauges, observation: RedisObservation, options: RedisMetricsOptions): void {
  let droppedConsumers = 0;
  for (const stream of observation.streams) {
    const labels = { stream: stream.name };
    gauges.streamExists.set(labels, stream.exists ? 1 : 0);
    gauges.streamReadError.set(labels, stream.error === undefined ? 0 : 1);
    gauges.streamLength.set(labels, stream.length);
    gauges.streamGroups.set(labels, stream.groupCount);
    const lastEntryMs = entryIdTimeMs(stream.lastEntryId);
    if (lastEntryMs !== null) {
      gauges.streamLastEntryTimestamp.set(labels, secondsFromMs(lastEntryMs));
    }
    for (const group of stream.groups) {
      droppedConsumers += recordGroup(gauges, stream.name, group, observation.observedAtMs, options);
    }
    const reading = readStreamGroup(stream, options.configuredGroup);
    if (reading.state !== 'stream_error') {
      const missing = reading.state === 'stream_missing' || reading.state === 'group_missing';
      gauges.groupMissing.set({ stream: stream.name, consumer_group: options.configuredGroup }, missing ? 1 : 0);
    }
  }
  gauges.seriesDropped.set({ series: 'redis_consumer' }, droppedConsumers);
  if (observation.server) {
    gauges.memoryUsed.set(observation.server.usedMemoryBytes);
    gauges.memoryMax.set(observation.server.maxMemoryBytes);
    gauges.connectedClients.set(observation.server.connectedClients);
    gauges.opsPerSecond.set(observation.server.opsPerSecond);
  }
}
