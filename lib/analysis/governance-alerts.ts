import type { ConsumerHealthSummary } from './group-health';
import { formatTopicPartition, type TopicPartition } from './topic-partition';

/**
 * Seed 004's "Real-time Alerts" (SLO violation, stuck partitions, rebalance instability, unfair
 * distribution), plus data loss, which the Kafka issue asks to flag and which no other alert
 * would surface.
 */
export type GovernanceAlertType = 'slo_violation' | 'stuck_partitions' | 'rebalance_instability' | 'unfair_distribution' | 'data_loss';
export type GovernanceAlertSeverity = 'warning' | 'critical';

export interface GovernanceAlert {
  type: GovernanceAlertType;
  severity: GovernanceAlertSeverity;
  group_id: string;
  message: string;
}

export interface GovernanceThresholds {
  sloComplianceMin: number;
  rebalanceScoreMin: number;
  fairnessGiniMax: number;
}

export interface GroupAlertInput {
  summary: ConsumerHealthSummary;
  stuckPartitions: readonly TopicPartition[];
  dataLossPartitions: readonly TopicPartition[];
}

const listedPartitionLimit = 5;

function listPartitions(partitions: readonly TopicPartition[]): string {
  const named = partitions.slice(0, listedPartitionLimit).map(formatTopicPartition).join(', ');
  const rest = partitions.length - listedPartitionLimit;
  return rest > 0 ? `${named} and ${rest} more` : named;
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

/**
 * The alerts of one group, most severe kind first. Severity: what needs action now (SLO missed,
 * stuck partitions, lost records) is critical; what degrades the group (frequent rebalances,
 * skewed assignment) is a warning. Each threshold is compared the way the health summary does:
 * compliance below the minimum, score below the minimum, Gini strictly above the maximum.
 */
export function groupGovernanceAlerts(input: GroupAlertInput, thresholds: GovernanceThresholds): GovernanceAlert[] {
  const { summary } = input;
  const groupId = summary.group_id;
  const alerts: GovernanceAlert[] = [];
  if (input.dataLossPartitions.length > 0) {
    alerts.push({
      type: 'data_loss',
      severity: 'critical',
      group_id: groupId,
      message: `Records were deleted before group ${groupId} consumed them on ${listPartitions(input.dataLossPartitions)}.`,
    });
  }
  if (input.stuckPartitions.length > 0) {
    alerts.push({
      type: 'stuck_partitions',
      severity: 'critical',
      group_id: groupId,
      message: `Group ${groupId} has ${input.stuckPartitions.length} stuck partition(s) (lag rising, offset not moving): ${listPartitions(input.stuckPartitions)}.`,
    });
  }
  if (summary.slo_compliance < thresholds.sloComplianceMin) {
    alerts.push({
      type: 'slo_violation',
      severity: 'critical',
      group_id: groupId,
      message: `Group ${groupId} meets the lag SLO on ${percent(summary.slo_compliance)} of its partitions (minimum ${percent(thresholds.sloComplianceMin)}).`,
    });
  }
  if (summary.rebalance_score !== null && summary.rebalance_score < thresholds.rebalanceScoreMin) {
    alerts.push({
      type: 'rebalance_instability',
      severity: 'warning',
      group_id: groupId,
      message: `Group ${groupId} rebalances often: score ${Math.round(summary.rebalance_score)} (minimum ${thresholds.rebalanceScoreMin}).`,
    });
  }
  if (summary.fairness_gini !== null && summary.fairness_gini > thresholds.fairnessGiniMax) {
    alerts.push({
      type: 'unfair_distribution',
      severity: 'warning',
      group_id: groupId,
      message: `Partitions of group ${groupId} are unevenly shared: Gini ${summary.fairness_gini.toFixed(2)} (maximum ${thresholds.fairnessGiniMax.toFixed(2)}).`,
    });
  }
  return alerts;
}

const severityRank: Record<GovernanceAlertSeverity, number> = { critical: 0, warning: 1 };

/** Alerts of many groups: critical first, then by group id, each group's own order kept. */
export function governanceAlerts(groups: readonly GroupAlertInput[], thresholds: GovernanceThresholds): GovernanceAlert[] {
  return sortGovernanceAlerts(groups.flatMap((group) => groupGovernanceAlerts(group, thresholds)));
}

/** Critical first, then by group id; alerts of one group keep their kind order. */
export function sortGovernanceAlerts(alerts: GovernanceAlert[]): GovernanceAlert[] {
  // Array.prototype.sort is stable, so alerts of one group keep their kind order.
  return alerts.sort((left, right) =>
    severityRank[left.severity] - severityRank[right.severity] || (left.group_id < right.group_id ? -1 : left.group_id > right.group_id ? 1 : 0));
}
