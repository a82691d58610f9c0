/** Public API of the pure analysis layer: observations in, metrics and health out, no I/O. */
export { formatTopicPartition, type TopicPartition } from './topic-partition';
export { computePartitionLag, type DataLoss, type PartitionLag, type PartitionOffsets } from './partition-lag';
export { lagStatistics, nearestRankPercentile, type LagStatistics } from './percentiles';
export {
  isSloMet,
  resolveLagThreshold,
  sloCompliance,
  type LagThreshold,
  type PartitionLagReading,
  type TopicLagThresholds,
} from './slo';
export { giniCoefficient, maximumGini, partitionCountsPerMember, type MemberAssignment } from './fairness';
export type { CommittedOffsetSample } from './burrow-rules';
export {
  DEFAULT_BURROW_WINDOW_SIZE,
  evaluateGroupStatus,
  evaluatePartitionStatus,
  type BurrowGroupStatus,
  type BurrowOptions,
  type BurrowPartitionStatus,
  type GroupStatusEvaluation,
  type PartitionStatusEvaluation,
  type PartitionWindowInput,
} from './burrow-status';
export {
  DEFAULT_STUCK_WINDOW_MS,
  findStuckPartitions,
  type PartitionHistory,
  type PartitionLagSample,
  type StuckDetectionOptions,
  type StuckPartition,
} from './stuck';
export {
  DEFAULT_MAX_REBALANCES,
  countRebalances,
  isRebalancingState,
  rebalanceScore,
  type RebalanceObservation,
  type RebalanceScoreOptions,
} from './rebalance';
export {
  summarizeGroupHealth,
  type ConsumerHealthSummary,
  type GroupHealthInput,
  type GroupHealthThresholds,
  type HealthClass,
} from './group-health';
export type { HealthFinding } from './group-findings';
export {
  governanceAlerts,
  sortGovernanceAlerts,
  groupGovernanceAlerts,
  type GovernanceAlert,
  type GovernanceAlertSeverity,
  type GovernanceAlertType,
  type GovernanceThresholds,
  type GroupAlertInput,
} from './governance-alerts';
export { summarizeTopicInsight, topicCoverage, type TopicCoverage, type TopicInsightInput, type TopicInsightSummary } from './topic-insight';
export { computeClusterGroupLags, computeGroupLag, groupLagsByGroupId, type GroupLag, type GroupPartitionLag } from './kafka-group-lag';
export {
  classifyPending,
  classifyStreamLag,
  summarizeStreamHealth,
  type PendingClass,
  type PendingThresholds,
  type StreamHealthSummary,
  type StreamLagClass,
  type StreamLagThresholds,
} from './stream-health';
export {
  classifyStreamGroup,
  summarizeStreamGroupClasses,
  type StreamGroupHealth,
  type StreamGroupHealthRules,
  type StreamGroupSignals,
} from './stream-group-health';
export { estimateTimeLagSeconds, type LogEndOffsetPoint, type TimeLagEstimate, type TimeLagMethod } from './time-lag';
export {
  OffsetResetPlanError,
  planOffsetReset,
  type OffsetResetPartitionInput,
  type OffsetResetPartitionPlan,
  type OffsetResetTarget,
} from './offset-reset-plan';
export {
  DEFAULT_HOT_PARTITION_SHARE,
  formatDuration,
  recommendKafkaMembers,
  type KafkaScalingInput,
  type KafkaScalingRecommendation,
  type ScalingPartitionInput,
  type ScalingTrend,
} from './kafka-scaling';
export { recommendRedisConsumers, type RedisScalingInput, type RedisScalingRecommendation } from './redis-scaling';
export { ratePerSecond, sumRates, type OffsetSample } from './scaling-rates';
