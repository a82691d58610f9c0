import { estimateTimeLagSeconds, type LogEndOffsetPoint, type TimeLagMethod } from './time-lag';
import type { TopicPartition } from './topic-partition';

/** One observation of a group's partitions (the shape of a group window point). */
export interface TimeLagSourcePoint {
  observedAtMs: number;
  partitions: readonly (TopicPartition & { committedOffset: number | null; logEndOffset: number | null })[];
}

export interface PartitionTimeLag extends TopicPartition {
  /** null when unknown: never committed, or too few points to read a production rate. */
  lagSeconds: number | null;
  method: TimeLagMethod | null;
}

export interface GroupTimeLags {
  partitions: PartitionTimeLag[];
  /** The largest known partition time lag; null when none is known. */
  maxLagSeconds: number | null;
  /** Per topic, the largest known partition time lag (topics with none known are left out). */
  maxLagSecondsByTopic: Map<string, number>;
}

const partitionKey = ({ topic, partition }: TopicPartition) => `${topic}\u0000${partition}`;

/**
 * Time lag of every partition of the newest point, read off the log-end offsets that all the
 * points (oldest first, newest = now) recorded for that partition. The history of log-end offsets
 * is what kafka-lag-exporter keeps per partition; here it comes from the group's own snapshots, so
 * the same stored rows always give the same answer.
 */
export function groupTimeLags(points: readonly TimeLagSourcePoint[], nowMs: number): GroupTimeLags {
  const newest = points[points.length - 1];
  const curves = new Map<string, LogEndOffsetPoint[]>();
  for (const point of points) {
    for (const partition of point.partitions) {
      if (partition.logEndOffset === null) continue;
      const key = partitionKey(partition);
      const curve = curves.get(key) ?? [];
      curve.push({ logEndOffset: partition.logEndOffset, timestampMs: point.observedAtMs });
      curves.set(key, curve);
    }
  }
  const partitions = (newest?.partitions ?? []).map(({ topic, partition, committedOffset }): PartitionTimeLag => {
    const estimate = committedOffset === null ? null : estimateTimeLagSeconds(curves.get(partitionKey({ topic, partition })) ?? [], committedOffset, nowMs);
    return { topic, partition, lagSeconds: estimate?.lagSeconds ?? null, method: estimate?.method ?? null };
  });
  let maxLagSeconds: number | null = null;
  const maxLagSecondsByTopic = new Map<string, number>();
  for (const { topic, lagSeconds } of partitions) {
    if (lagSeconds === null) continue;
    maxLagSeconds = Math.max(maxLagSeconds ?? 0, lagSeconds);
    maxLagSecondsByTopic.set(topic, Math.max(maxLagSecondsByTopic.get(topic) ?? 0, lagSeconds));
  }
  return { partitions, maxLagSeconds, maxLagSecondsByTopic };
}
