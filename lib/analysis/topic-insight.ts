import type { GovernanceAlert } from './governance-alerts';
import type { ConsumerHealthSummary, HealthClass } from './group-health';

/** Seed 004 "Coverage": the ratio of a topic's partitions that some group consumes. */
export interface TopicCoverage {
  consumed_partitions: number;
  total_partitions: number;
  /** consumed / total; null for a topic with no partitions (nothing to cover). */
  ratio: number | null;
}

/**
 * A partition counts as consumed when at least one group committed an offset for it or has a
 * member assigned to it: a group that owns a partition but has not committed yet is still
 * consuming it. Partition numbers outside 0..total-1 (a stale commit) are ignored.
 */
export function topicCoverage(totalPartitions: number, consumedPartitionNumbers: Iterable<number>): TopicCoverage {
  const consumed = new Set<number>();
  for (const partition of consumedPartitionNumbers) {
    if (Number.isInteger(partition) && partition >= 0 && partition < totalPartitions) {
      consumed.add(partition);
    }
  }
  return {
    consumed_partitions: consumed.size,
    total_partitions: totalPartitions,
    ratio: totalPartitions === 0 ? null : consumed.size / totalPartitions,
  };
}

/** Seed 004 "Aggregated Metrics: Average SLO, total stuck partitions, overall status summary". */
export interface TopicInsightSummary {
  group_count: number;
  healthy_groups: number;
  warning_groups: number;
  critical_groups: number;
  /** Mean of the groups' slo_compliance; null when no group consumes the topic. */
  average_slo_compliance: number | null;
  total_stuck_partitions: number;
  /** Sum of the lags on this topic's partitions, over all groups. */
  total_lag: number;
  overall_status: HealthClass | 'unconsumed';
  summary: string;
}

export interface TopicInsightInput {
  topicName: string;
  healthSummaries: readonly ConsumerHealthSummary[];
  topicLagTotal: number;
  coverage: TopicCoverage;
  alerts: readonly GovernanceAlert[];
}

function countWord(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/**
 * Overall status is the worst group's health class; a topic no group consumes is `unconsumed`
 * (neither healthy nor failing: there is nobody to judge). The sentence names the figures an
 * operator looks at first: how many groups, how many need attention, coverage and alerts.
 */
export function summarizeTopicInsight(input: TopicInsightInput): TopicInsightSummary {
  const { healthSummaries: summaries, coverage } = input;
  const countOf = (health: HealthClass) => summaries.filter((summary) => summary.health === health).length;
  const critical = countOf('critical');
  const warning = countOf('warning');
  const overall: TopicInsightSummary['overall_status'] =
    summaries.length === 0 ? 'unconsumed' : critical > 0 ? 'critical' : warning > 0 ? 'warning' : 'healthy';
  const averageCompliance = summaries.length === 0
    ? null
    : summaries.reduce((sum, summary) => sum + summary.slo_compliance, 0) / summaries.length;
  const stuckTotal = summaries.reduce((sum, summary) => sum + summary.stuck_count, 0);
  const coverageText = coverage.ratio === null
    ? 'no partitions'
    : `${coverage.consumed_partitions}/${coverage.total_partitions} partitions consumed`;
  const sentence = summaries.length === 0
    ? `Topic ${input.topicName} has no consumer groups (${coverageText}).`
    : `Topic ${input.topicName}: ${countWord(summaries.length, 'consumer group')}, ${critical} critical, ${warning} warning; `
      + `${coverageText}; total lag ${input.topicLagTotal}; ${countWord(input.alerts.length, 'governance alert')}.`;
  return {
    group_count: summaries.length,
    healthy_groups: countOf('healthy'),
    warning_groups: warning,
    critical_groups: critical,
    average_slo_compliance: averageCompliance,
    total_stuck_partitions: stuckTotal,
    total_lag: input.topicLagTotal,
    overall_status: overall,
    summary: sentence,
  };
}
