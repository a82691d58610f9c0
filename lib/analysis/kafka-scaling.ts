import { ratePerSecond, sumRates, type OffsetSample } from './scaling-rates';
import type { TopicPartition } from './topic-partition';

/**
 * How many members a Kafka group needs, in the manner of KEDA's Kafka scaler:
 * ceil(lag / lagThresholdPerMember), at most the partition count (a member beyond that gets no
 * partition), with partitions whose lag does not move left out (KEDA's excludePersistentLag):
 * a partition whose owner does not advance is stuck on something more members cannot fix.
 * Two refinements, each named in the reason: a group falling behind needs at least the members
 * that would consume as fast as it is produced to, and when one partition holds most of the lag
 * only one member can work on it, so the members beyond the rest of the lag would sit idle.
 */

export interface ScalingPartitionInput extends TopicPartition {
  lag: number | null;
  /** Assigned to a live member now. */
  owned: boolean;
  /** Oldest first, over the window. */
  committedOffsets: readonly OffsetSample[];
  logEndOffsets: readonly OffsetSample[];
}

export interface KafkaScalingInput {
  partitions: readonly ScalingPartitionInput[];
  memberCount: number;
  lagThresholdPerMember: number;
  /** Share of the lag from which one partition is "hot" (default 0.8). */
  hotPartitionShare?: number;
}

export type ScalingTrend = 'caught_up' | 'catching_up' | 'falling_behind' | 'unknown';

export interface KafkaScalingRecommendation {
  productionRatePerSecond: number | null;
  consumptionRatePerSecond: number | null;
  totalLag: number;
  /** Lag of the partitions more members could help with (stuck ones left out). */
  scalableLag: number;
  trend: ScalingTrend;
  /** At the current rates; null when caught up, falling behind or unknown. */
  catchUpSeconds: number | null;
  currentMembers: number;
  partitionCount: number;
  recommendedMembers: number;
  stuckPartitions: TopicPartition[];
  hotPartition: (TopicPartition & { lagShare: number }) | null;
  reason: string;
}

export const DEFAULT_HOT_PARTITION_SHARE = 0.8;

function isStuck(partition: ScalingPartitionInput): boolean {
  const known = partition.committedOffsets.filter((sample) => sample.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  return partition.owned && (partition.lag ?? 0) > 0 && first !== undefined && last !== undefined
    && last.observedAtMs > first.observedAtMs && first.value === last.value;
}

export function trendOf(lag: number, production: number | null, consumption: number | null): { trend: ScalingTrend; catchUpSeconds: number | null } {
  if (lag === 0 && (production === null || consumption === null || consumption >= production)) return { trend: 'caught_up', catchUpSeconds: null };
  if (production === null || consumption === null) return { trend: 'unknown', catchUpSeconds: null };
  if (consumption > production) return { trend: 'catching_up', catchUpSeconds: lag / (consumption - production) };
  return { trend: 'falling_behind', catchUpSeconds: null };
}

const label = ({ topic, partition }: TopicPartition) => `${topic}-${partition}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

export function recommendKafkaMembers(input: KafkaScalingInput): KafkaScalingRecommendation {
  const { partitions, memberCount, lagThresholdPerMember } = input;
  const hotShare = input.hotPartitionShare ?? DEFAULT_HOT_PARTITION_SHARE;
  const production = sumRates(partitions.map((partition) => ratePerSecond(partition.logEndOffsets)));
  const consumption = sumRates(partitions.map((partition) => ratePerSecond(partition.committedOffsets)));
  const totalLag = partitions.reduce((total, partition) => total + (partition.lag ?? 0), 0);
  const stuck = partitions.filter(isStuck);
  const movable = partitions.filter((partition) => !isStuck(partition));
  const scalableLag = movable.reduce((total, partition) => total + (partition.lag ?? 0), 0);
  const { trend, catchUpSeconds } = trendOf(totalLag, production, consumption);
  const partitionCount = partitions.length;
  const reasons: string[] = [];

  const byLag = [...movable].sort((left, right) => (right.lag ?? 0) - (left.lag ?? 0));
  const hottest = byLag[0];
  const hotLagShare = hottest && scalableLag > 0 ? (hottest.lag ?? 0) / scalableLag : 0;
  const isHot = hottest !== undefined && movable.length > 1 && hotLagShare >= hotShare && scalableLag > lagThresholdPerMember;

  let recommended: number;
  if (isHot) {
    // The hot partition gets one member whatever its lag; the rest is shared as KEDA would.
    recommended = 1 + Math.ceil((scalableLag - (hottest.lag ?? 0)) / lagThresholdPerMember);
    reasons.push(`one hot partition (${label(hottest)} holds ${percent(hotLagShare)} of the lag): adding members will not help it`);
  } else {
    recommended = Math.ceil(scalableLag / lagThresholdPerMember);
  }
  // Rates of the partitions more members can help with: a stuck partition's production is not theirs to keep up with.
  const movableProduction = sumRates(movable.map((partition) => ratePerSecond(partition.logEndOffsets)));
  const movableConsumption = sumRates(movable.map((partition) => ratePerSecond(partition.committedOffsets)));
  if (trend === 'falling_behind' && memberCount > 0 && production !== null && consumption !== null
    && movableConsumption !== null && movableConsumption > 0 && movableProduction !== null && movableProduction > movableConsumption) {
    const byRate = Math.ceil(memberCount * (movableProduction / movableConsumption));
    if (byRate > recommended && !isHot) {
      recommended = byRate;
      reasons.push(`falling behind: ${production.toFixed(1)} msg/s produced, ${consumption.toFixed(1)} msg/s consumed`);
    }
  }
  if (recommended === 0 && (production ?? 0) > 0) {
    recommended = 1;
  }
  if (recommended > partitionCount) {
    recommended = partitionCount;
    reasons.push(`capped at the partition count (${partitionCount}): more members would get no partition`);
  }
  if (stuck.length > 0) {
    reasons.push(`${stuck.length === 1 ? `partition ${label(stuck[0] as ScalingPartitionInput)} is` : `${stuck.length} partitions are`} stuck (lag without progress): fix the consumer; adding members will not help`);
  }
  if (reasons.length === 0) {
    reasons.push(summaryReason(trend, catchUpSeconds, scalableLag, lagThresholdPerMember, recommended, memberCount));
  }
  return {
    productionRatePerSecond: production,
    consumptionRatePerSecond: consumption,
    totalLag,
    scalableLag,
    trend,
    catchUpSeconds,
    currentMembers: memberCount,
    partitionCount,
    recommendedMembers: recommended,
    stuckPartitions: stuck.map(({ topic, partition }) => ({ topic, partition })),
    hotPartition: isHot ? { topic: hottest.topic, partition: hottest.partition, lagShare: hotLagShare } : null,
    reason: reasons.join('; '),
  };
}

function summaryReason(trend: ScalingTrend, catchUpSeconds: number | null, lag: number, threshold: number, recommended: number, members: number): string {
  const sizing = `lag ${lag} at ${threshold} per member → ${recommended} member${recommended === 1 ? '' : 's'}`;
  if (members === 0 && lag > 0) return `no members: ${sizing}`;
  if (trend === 'caught_up') return lag === 0 && recommended === 0 ? 'no lag and no new messages: no member needed' : `caught up: ${sizing}`;
  if (trend === 'catching_up' && catchUpSeconds !== null) return `catching up in about ${formatDuration(catchUpSeconds)} at the current rates: ${sizing}`;
  if (trend === 'falling_behind') return `falling behind: ${sizing}`;
  return `rates not known yet (fewer than two observations): ${sizing}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
