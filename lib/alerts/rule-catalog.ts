import type { GlobalThresholds, ThresholdField } from '@/lib/teams/team-thresholds';
import type { AlertSeverity, AlertUnit } from './types';

/** What the built-in defaults are derived from: the configuration, so alerts and pages agree. */
export interface RuleDefaultsContext {
  thresholds: GlobalThresholds;
  deadConsumerIdleMs: number;
  pendingCritical: number;
}

export type RuleResource = 'kafka_group' | 'redis_stream_group' | 'redis_consumer' | 'redis_server' | 'source';

export interface AlertRuleDefinition {
  id: string;
  sourceKind: 'kafka' | 'redis';
  resource: RuleResource;
  title: string;
  /** The exact condition in words, shown on the settings page and in docs/alerts.md. */
  condition: string;
  unit: AlertUnit;
  /** `above`: fires when value > threshold; `below`: when value < threshold. */
  comparison: 'above' | 'below';
  defaultSeverity: AlertSeverity;
  defaultForSeconds: number;
  defaultThreshold(context: RuleDefaultsContext): number;
  /** The team threshold (Team.*) that sets this rule's threshold for the team's resources. */
  teamThresholdField: ThresholdField | null;
  thresholdMinimum: number;
  thresholdMaximum: number;
}

const minutes = (count: number) => count * 60;

/**
 * The built-in rules. Durations follow the seeds where they give one (seed 003's Redis rules),
 * and otherwise how long a human would wait before being told: the analyses behind stuck
 * partitions, Burrow status and dead consumers already span a window, so those fire at once.
 */
export const alertRules: readonly AlertRuleDefinition[] = [
  {
    id: 'kafka.slo_violation', sourceKind: 'kafka', resource: 'kafka_group', title: 'SLO violation',
    condition: 'SLO compliance (share of partitions with lag under the SLO lag threshold) below the minimum',
    unit: 'ratio', comparison: 'below', defaultSeverity: 'critical', defaultForSeconds: minutes(5),
    defaultThreshold: ({ thresholds }) => thresholds.sloComplianceMin, teamThresholdField: 'sloComplianceMin',
    thresholdMinimum: 0, thresholdMaximum: 1,
  },
  {
    id: 'kafka.stuck_partitions', sourceKind: 'kafka', resource: 'kafka_group', title: 'Stuck partitions',
    condition: 'more stuck partitions (lag above 0 and the committed offset unchanged over the stuck window) than the threshold',
    unit: 'count', comparison: 'above', defaultSeverity: 'critical', defaultForSeconds: 0,
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 1_000_000,
  },
  {
    id: 'kafka.rebalance_instability', sourceKind: 'kafka', resource: 'kafka_group', title: 'Rebalance instability',
    condition: 'rebalance score (100 − rebalances in the window / 10 × 100) below the minimum',
    unit: 'percent', comparison: 'below', defaultSeverity: 'warning', defaultForSeconds: minutes(5),
    defaultThreshold: ({ thresholds }) => thresholds.rebalanceScoreMin, teamThresholdField: 'rebalanceScoreMin',
    thresholdMinimum: 0, thresholdMaximum: 100,
  },
  {
    id: 'kafka.unfair_assignment', sourceKind: 'kafka', resource: 'kafka_group', title: 'Unfair assignment',
    condition: 'Gini coefficient of partitions per member above the maximum',
    unit: 'ratio', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(10),
    defaultThreshold: ({ thresholds }) => thresholds.fairnessGiniMax, teamThresholdField: 'fairnessGiniMax',
    thresholdMinimum: 0, thresholdMaximum: 1,
  },
  {
    id: 'kafka.burrow_status', sourceKind: 'kafka', resource: 'kafka_group', title: 'Burrow status ERR',
    condition: 'Burrow group status ERR: more partitions in STOP, STALL or REWIND than the threshold',
    unit: 'count', comparison: 'above', defaultSeverity: 'critical', defaultForSeconds: 0,
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 1_000_000,
  },
  {
    id: 'kafka.records_lost', sourceKind: 'kafka', resource: 'kafka_group', title: 'Records lost',
    condition: 'more partitions whose committed offset is below the log start offset (retention deleted unread records) than the threshold',
    unit: 'count', comparison: 'above', defaultSeverity: 'critical', defaultForSeconds: 0,
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 1_000_000,
  },
  {
    id: 'kafka.lag_seconds', sourceKind: 'kafka', resource: 'kafka_group', title: 'Lag in time',
    condition: 'largest partition lag in seconds (interpolated on recent log-end offsets) above the threshold',
    unit: 'seconds', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(5),
    defaultThreshold: () => 300, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 30 * 86_400,
  },
  {
    id: 'kafka.lag_spike', sourceKind: 'kafka', resource: 'kafka_group', title: 'Lag spike (consumer.lag_spike)',
    condition: 'total lag grew by more than the threshold since the previous snapshot and at least doubled',
    unit: 'messages', comparison: 'above', defaultSeverity: 'info', defaultForSeconds: 0,
    defaultThreshold: () => 1_000, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: Number.MAX_SAFE_INTEGER,
  },
  {
    id: 'kafka.rebalanced', sourceKind: 'kafka', resource: 'kafka_group', title: 'Rebalanced (consumer.rebalanced)',
    condition: 'the group rebalanced since the previous snapshot (generation or epoch changed, or a rebalancing state): more rebalances than the threshold',
    unit: 'count', comparison: 'above', defaultSeverity: 'info', defaultForSeconds: 0,
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 1_000,
  },
  {
    id: 'kafka.source_unreachable', sourceKind: 'kafka', resource: 'source', title: 'Kafka cluster unreachable',
    condition: 'the cluster answered no request at all (no broker found); value 1 while unreachable',
    unit: 'count', comparison: 'above', defaultSeverity: 'critical', defaultForSeconds: minutes(1),
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 0,
  },
  {
    id: 'redis.group_lag', sourceKind: 'redis', resource: 'redis_stream_group', title: 'Stream group lag',
    condition: 'entries not yet delivered to the group (Redis lag, or the bounded estimate) above the threshold',
    unit: 'messages', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(5),
    defaultThreshold: ({ thresholds }) => thresholds.streamLagUnhealthy, teamThresholdField: 'streamLagUnhealthy',
    thresholdMinimum: 0, thresholdMaximum: Number.MAX_SAFE_INTEGER,
  },
  {
    id: 'redis.pending_high', sourceKind: 'redis', resource: 'redis_stream_group', title: 'Pending entries',
    condition: 'entries delivered to the group and not acknowledged above the threshold',
    unit: 'messages', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(10),
    defaultThreshold: ({ pendingCritical }) => pendingCritical, teamThresholdField: null,
    thresholdMinimum: 0, thresholdMaximum: Number.MAX_SAFE_INTEGER,
  },
  {
    id: 'redis.stream_stale', sourceKind: 'redis', resource: 'redis_stream_group', title: 'Stream stale',
    condition: 'no new entries (newest entry older than the threshold) or no progress (entries waiting and the last delivered entry older than the threshold)',
    unit: 'seconds', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(5),
    defaultThreshold: () => 300, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 30 * 86_400,
  },
  {
    id: 'redis.dead_consumer', sourceKind: 'redis', resource: 'redis_consumer', title: 'Dead-consumer candidate',
    condition: 'a consumer holds pending entries and has been idle longer than the threshold',
    unit: 'seconds', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: 0,
    defaultThreshold: ({ deadConsumerIdleMs }) => deadConsumerIdleMs / 1000, teamThresholdField: null,
    thresholdMinimum: 0, thresholdMaximum: 7 * 86_400,
  },
  {
    id: 'redis.memory_high', sourceKind: 'redis', resource: 'redis_server', title: 'Redis memory high',
    condition: 'used memory / maxmemory above the threshold (never when maxmemory is 0, no limit)',
    unit: 'ratio', comparison: 'above', defaultSeverity: 'warning', defaultForSeconds: minutes(5),
    defaultThreshold: () => 0.8, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 1,
  },
  {
    id: 'redis.source_unreachable', sourceKind: 'redis', resource: 'source', title: 'Redis unreachable',
    condition: 'Redis could not be reached at all; value 1 while unreachable',
    unit: 'count', comparison: 'above', defaultSeverity: 'critical', defaultForSeconds: minutes(1),
    defaultThreshold: () => 0, teamThresholdField: null, thresholdMinimum: 0, thresholdMaximum: 0,
  },
];

const rulesById = new Map(alertRules.map((rule) => [rule.id, rule]));

export function findAlertRule(ruleId: string): AlertRuleDefinition | undefined {
  return rulesById.get(ruleId);
}

export const alertRuleIds = alertRules.map((rule) => rule.id);

/** True when `value` breaks the rule's threshold in its direction. */
export function breaches(rule: Pick<AlertRuleDefinition, 'comparison'>, value: number, threshold: number): boolean {
  return rule.comparison === 'above' ? value > threshold : value < threshold;
}
