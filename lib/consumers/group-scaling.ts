import { recommendKafkaMembers, type GroupLag, type KafkaScalingRecommendation, type ScalingPartitionInput } from '@/lib/analysis';
import type { GroupWindowPoint } from '@/lib/history/group-window';

/** The `scaling` object of the group health API and the group page (fields in docs/actions.md). */
export interface GroupScalingJson {
  production_rate_per_second: number | null;
  consumption_rate_per_second: number | null;
  total_lag: number;
  scalable_lag: number;
  trend: KafkaScalingRecommendation['trend'];
  catch_up_seconds: number | null;
  current_members: number;
  partition_count: number;
  recommended_members: number;
  lag_threshold_per_member: number;
  stuck_partitions: Array<{ topic: string; partition: number }>;
  hot_partition: { topic: string; partition: number; lag_share: number } | null;
  reason: string;
  window_seconds: number;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Rates come from the group's window (lib/history's reader, in memory or persisted): per
 * partition the committed and log-end offsets of each point, oldest first.
 */
export function scalingInputs(groupLag: GroupLag, points: readonly GroupWindowPoint[]): ScalingPartitionInput[] {
  const samples = new Map<string, { committed: Array<{ observedAtMs: number; value: number | null }>; logEnd: Array<{ observedAtMs: number; value: number | null }> }>();
  for (const point of points) {
    for (const partition of point.partitions) {
      const entry = samples.get(key(partition.topic, partition.partition)) ?? { committed: [], logEnd: [] };
      entry.committed.push({ observedAtMs: point.observedAtMs, value: partition.committedOffset });
      entry.logEnd.push({ observedAtMs: point.observedAtMs, value: partition.logEndOffset });
      samples.set(key(partition.topic, partition.partition), entry);
    }
  }
  return groupLag.partitions.map((partition) => {
    const entry = samples.get(key(partition.topic, partition.partition));
    return {
      topic: partition.topic,
      partition: partition.partition,
      lag: partition.lag,
      owned: partition.owner !== null,
      committedOffsets: entry?.committed ?? [],
      logEndOffsets: entry?.logEnd ?? [],
    };
  });
}

export function groupScaling(groupLag: GroupLag, points: readonly GroupWindowPoint[], lagThresholdPerMember: number): GroupScalingJson {
  const recommendation = recommendKafkaMembers({ partitions: scalingInputs(groupLag, points), memberCount: groupLag.member_count, lagThresholdPerMember });
  const first = points[0];
  const last = points[points.length - 1];
  return {
    production_rate_per_second: recommendation.productionRatePerSecond,
    consumption_rate_per_second: recommendation.consumptionRatePerSecond,
    total_lag: recommendation.totalLag,
    scalable_lag: recommendation.scalableLag,
    trend: recommendation.trend,
    catch_up_seconds: recommendation.catchUpSeconds,
    current_members: recommendation.currentMembers,
    partition_count: recommendation.partitionCount,
    recommended_members: recommendation.recommendedMembers,
    lag_threshold_per_member: lagThresholdPerMember,
    stuck_partitions: recommendation.stuckPartitions,
    hot_partition: recommendation.hotPartition && {
      topic: recommendation.hotPartition.topic,
      partition: recommendation.hotPartition.partition,
      lag_share: recommendation.hotPartition.lagShare,
    },
    reason: recommendation.reason,
    window_seconds: first && last ? (last.observedAtMs - first.observedAtMs) / 1000 : 0,
  };
}
