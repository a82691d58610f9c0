import { computeClusterGroupLags } from '@/lib/analysis/kafka-group-lag';
import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { LagboardGauges } from './registry';

/** One (group, topic) of one cluster: the partition lags it has, summed and at their largest. */
export interface KafkaTopicLagRow {
  cluster: string;
  group: string;
  topic: string;
  lagSum: number;
  lagMax: number;
  /**
   * Extension point for the Kafka lag-seconds work: null until a time lag per group and topic
   * is computed (lib/analysis estimateTimeLagSeconds over recorded log-end offsets); rows with
   * a number then get a lagboard_kafka_consumer_group_topic_lag_seconds sample unchanged.
   */
  lagSeconds: number | null;
}

/** The largest known time lag per group and topic, from the collector's newest snapshot. */
function maxLagSecondsByGroupTopic(timeLags: LatestTimeLags | null): Map<string, number> {
  const largest = new Map<string, number>();
  for (const group of timeLags?.groups ?? []) {
    for (const partition of group.partitions) {
      if (partition.lagSeconds === null) continue;
      const key = `${group.groupId}\u0000${partition.topic}`;
      largest.set(key, Math.max(largest.get(key) ?? 0, partition.lagSeconds));
    }
  }
  return largest;
}

/**
 * Per group and topic, never per partition: partition labels would multiply the series by
 * the partition count. A topic none of whose partitions has a known lag (never committed,
 * log end unreadable) gets no row rather than a 0.
 */
export function kafkaTopicLagRows(observation: KafkaClusterObservation, timeLags: LatestTimeLags | null = null): KafkaTopicLagRow[] {
  const rows: KafkaTopicLagRow[] = [];
  const secondsByGroupTopic = maxLagSecondsByGroupTopic(timeLags);
  for (const group of computeClusterGroupLags(observation)) {
    const byTopic = new Map<string, number[]>();
    for (const partition of group.partitions) {
      if (partition.lag !== null) {
        const lags = byTopic.get(partition.topic) ?? [];
        lags.push(partition.lag);
        byTopic.set(partition.topic, lags);
      }
    }
    for (const [topic, lags] of byTopic) {
      rows.push({
        cluster: observation.clusterId,
        group: group.group_id,
        topic,
        lagSum: lags.reduce((sum, lag) => sum + lag, 0),
        lagMax: Math.max(...lags),
        lagSeconds: secondsByGroupTopic.get(`${group.group_id}\u0000${topic}`) ?? null,
      });
    }
  }
  return rows;
}

/** True when the cluster answered at all (a partial failure still counts as up). */
export function isKafkaClusterUp(observation: KafkaClusterObservation): boolean {
  return !observation.errors.some((error) => error.scope === 'cluster');
}

export function recordKafkaObservation(gauges: LagboardGauges, observation: KafkaClusterObservation, timeLags: LatestTimeLags | null = null): void {
  for (const row of kafkaTopicLagRows(observation, timeLags)) {
    const labels = { cluster: row.cluster, group: row.group, topic: row.topic };
    gauges.kafkaTopicLag.set(labels, row.lagSum);
    gauges.kafkaTopicMaxLag.set(labels, row.lagMax);
    if (row.lagSeconds !== null) {
      gauges.kafkaTopicLagSeconds.set(labels, row.lagSeconds);
    }
  }
}
