import type { BurrowGroupStatus, GroupStatusEvaluation } from './burrow-status';
import { giniCoefficient, partitionCountsPerMember, type MemberAssignment } from './fairness';
import { findGroupProblems } from './group-findings';
import type { DataLoss, PartitionLag } from './partition-lag';
import { rebalanceScore, type RebalanceObservation } from './rebalance';
import { sloCompliance, type LagThreshold } from './slo';
import type { StuckPartition } from './stuck';
import type { TopicPartition } from './topic-partition';

export type HealthClass = 'healthy' | 'warning' | 'critical';

/** Seed 004's thresholds block, in camelCase. */
export interface GroupHealthThresholds {
  /** Named after the seed's SLO_THRESHOLD_P95_LAG, but applied to each partition's lag. */
  sloThresholdP95Lag: LagThreshold;
  sloComplianceMin: number;
  rebalanceScoreMin: number;
  fairnessGiniMax: number;
  maxRebalances?: number;
}

export interface GroupHealthInput {
  groupId: string;
  state: string;
  members: readonly MemberAssignment[];
  partitions: readonly (TopicPartition & PartitionLag)[];
  rebalanceObservations: readonly RebalanceObservation[];
  /** From findStuckPartitions over the group's history. */
  stuckPartitions: readonly StuckPartition[];
  /** From evaluateGroupStatus over the group's commit windows. */
  groupStatus: GroupStatusEvaluation;
  thresholds: GroupHealthThresholds;
}

/** Seed 004's ConsumerHealthSummary, plus Burrow's group status and a health class. */
export interface ConsumerHealthSummary {
  group_id: string;
  state: string;
  slo_compliance: number;
  rebalance_score: number | null;
  /** null when the group has no members (the seed types it float; fairness of nobody is undefined). */
  fairness_gini: number | null;
  stuck_count: number;
  recommendation: string | null;
  status: BurrowGroupStatus;
  health: HealthClass;
}

function withDataLoss(partition: TopicPartition & PartitionLag): partition is TopicPartition & PartitionLag & { dataLoss: DataLoss } {
  return partition.dataLoss !== null;
}

/**
 * One group's health. The class is the worst finding: critical for what needs action now (no
 * consumers, lost data, stuck or stopped partitions, SLO missed), warning for what degrades it
 * (skewed assignment, frequent rebalances, slowly growing lag), healthy when nothing is found.
 * The recommendation joins the findings' advice, most urgent first, and is null when healthy.
 */
export function summarizeGroupHealth(input: GroupHealthInput): ConsumerHealthSummary {
  const { thresholds } = input;
  const memberCounts = partitionCountsPerMember(input.members);
  const compliance = sloCompliance(input.partitions, thresholds.sloThresholdP95Lag);
  const fairnessGini = giniCoefficient(memberCounts);
  const score = rebalanceScore(input.rebalanceObservations, { maxRebalances: thresholds.maxRebalances });
  const findings = findGroupProblems({
    groupId: input.groupId,
    memberCount: memberCounts.length,
    assignedMemberCount: memberCounts.filter((count) => count > 0).length,
    partitionCount: input.partitions.length,
    totalLag: input.partitions.reduce((sum, partition) => sum + (partition.lag ?? 0), 0),
    sloCompliance: compliance,
    sloComplianceMin: thresholds.sloComplianceMin,
    fairnessGini,
    fairnessGiniMax: thresholds.fairnessGiniMax,
    rebalanceScore: score,
    rebalanceScoreMin: thresholds.rebalanceScoreMin,
    stuckPartitions: input.stuckPartitions,
    dataLossPartitions: input.partitions.filter(withDataLoss),
    burrowPartitions: input.groupStatus.partitions,
  });
  const health: HealthClass = findings.some((finding) => finding.severity === 'critical')
    ? 'critical'
    : findings.length > 0
      ? 'warning'
      : 'healthy';
  return {
    group_id: input.groupId,
    state: input.state,
    slo_compliance: compliance,
    rebalance_score: score,
    fairness_gini: fairnessGini,
    stuck_count: input.stuckPartitions.length,
    recommendation: findings.length === 0 ? null : findings.map((finding) => finding.text).join(' '),
    status: input.groupStatus.status,
    health,
  };
}
