import {
  governanceAlerts,
  summarizeTopicInsight,
  topicCoverage,
  type ConsumerHealthSummary,
  type GovernanceAlert,
  type TopicCoverage,
  type TopicInsightSummary,
} from '@/lib/analysis';
import type { KafkaClusterObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import type { GroupAnalysis } from './analyze-group';
import { healthSummaryJson } from './group-health-view';
import { errorsFor, isoTime, lagMetricsJson, type LagMetricsJson, type ObservationErrorJson } from './json-shapes';
import type { TopicShare } from './topic-share';

export interface TopicInfoJson {
  name: string;
  partition_count: number;
  replication_factor: number;
  retention_ms: number | null;
  retention_bytes: number | null;
  cleanup_policy: string | null;
  partitions: {
    partition: number;
    leader_id: number;
    replica_ids: number[];
    isr_ids: number[];
    log_start_offset: number | null;
    log_end_offset: number | null;
  }[];
}

/** The group's health (same figures as its /health endpoint) and its lag on this topic. */
export interface TopicConsumerHealthJson extends ConsumerHealthSummary {
  type: 'classic' | 'consumer';
  member_count: number;
  topic_lag: LagMetricsJson;
}

export interface TopicDetailJson {
  cluster_id: string;
  topic: TopicInfoJson;
  coverage: TopicCoverage;
  consumer_health: TopicConsumerHealthJson[];
  governance_alerts: GovernanceAlert[];
  insight_summary: TopicInsightSummary;
  observed_at: string;
  errors: ObservationErrorJson[];
}

export interface AnalyzedShare {
  share: TopicShare;
  analysis: GroupAnalysis;
}

function topicInfoJson(topic: KafkaTopicObservation): TopicInfoJson {
  return {
    name: topic.name,
    partition_count: topic.partitions.length,
    replication_factor: topic.replicationFactor,
    retention_ms: topic.retentionMs,
    retention_bytes: topic.retentionBytes,
    cleanup_policy: topic.cleanupPolicy,
    partitions: topic.partitions.map((partition) => ({
      partition: partition.partition,
      leader_id: partition.leaderId,
      replica_ids: [...partition.replicaIds],
      isr_ids: [...partition.isrIds],
      log_start_offset: partition.logStartOffset,
      log_end_offset: partition.logEndOffset,
    })),
  };
}

/**
 * Seed 004's "Topic + Consumer Health integrated view". Health and alerts are per group (the
 * same as the group's /health), because fairness and rebalances belong to the whole group; the
 * lag on this topic is shown beside it, and the insight's total lag counts this topic only.
 */
export function topicDetailView(
  observation: KafkaClusterObservation,
  topic: KafkaTopicObservation,
  analyzed: readonly AnalyzedShare[],
  settings: ConsumerAnalysisSettings,
): TopicDetailJson {
  const coverage = topicCoverage(topic.partitions.length, analyzed.flatMap(({ share }) => share.consumedPartitionNumbers));
  const alerts = governanceAlerts(analyzed.map(({ share, analysis }) => ({
    summary: analysis.summary,
    stuckPartitions: analysis.stuckPartitions,
    dataLossPartitions: share.groupLag.partitions.filter((partition) => partition.data_loss !== null),
  })), settings.health);
  const summaries = analyzed.map(({ analysis }) => analysis.summary);
  return {
    cluster_id: observation.clusterId,
    topic: topicInfoJson(topic),
    coverage,
    consumer_health: analyzed.map(({ share, analysis }) => ({
      ...healthSummaryJson(analysis.summary),
      type: share.group.groupType,
      member_count: share.group.members.length,
      topic_lag: lagMetricsJson(share.lag),
    })),
    governance_alerts: alerts,
    insight_summary: summarizeTopicInsight({
      topicName: topic.name,
      healthSummaries: summaries,
      topicLagTotal: analyzed.reduce((sum, { share }) => sum + share.lag.total_lag, 0),
      coverage,
      alerts,
    }),
    observed_at: isoTime(observation.observedAtMs),
    errors: errorsFor(observation, `topic:${topic.name}`),
  };
}
