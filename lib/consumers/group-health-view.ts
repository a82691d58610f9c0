import type { BurrowGroupStatus, ConsumerHealthSummary, GroupLag, HealthClass } from '@/lib/analysis';
import type { GroupWindowPoint } from '@/lib/history/group-window';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import type { GroupAnalysis } from './analyze-group';
import {
  burrowPartitionJson,
  errorsFor,
  isoTime,
  lagMetricsJson,
  stuckPartitionJson,
  type BurrowPartitionJson,
  type LagMetricsJson,
  type ObservationErrorJson,
  type StuckPartitionJson,
} from './json-shapes';

export interface ThresholdsJson {
  slo_threshold_lag: number;
  slo_topic_thresholds: Record<string, number>;
  slo_compliance_min: number;
  rebalance_score_min: number;
  fairness_gini_max: number;
  stuck_detection_window_seconds: number;
}

/** Seed 004's ConsumerHealthSummary, first and flat, then what it was computed from. */
export interface GroupHealthJson {
  cluster_id: string;
  group_id: string;
  state: string;
  slo_compliance: number;
  rebalance_score: number | null;
  fairness_gini: number | null;
  stuck_count: number;
  recommendation: string | null;
  /** Burrow's group status (OK, WARN, ERR). */
  status: BurrowGroupStatus;
  health: HealthClass;
  lag_metrics: LagMetricsJson;
  burrow: {
    status: BurrowGroupStatus;
    complete: number;
    total_lag: number;
    partition_count: number;
    maxlag: BurrowPartitionJson | null;
    partitions: BurrowPartitionJson[];
  };
  stuck_partitions: StuckPartitionJson[];
  rebalance_count: number;
  window: { point_count: number; oldest_at: string | null; newest_at: string | null };
  thresholds: ThresholdsJson;
  observed_at: string;
  errors: ObservationErrorJson[];
}

export function thresholdsJson(settings: ConsumerAnalysisSettings): ThresholdsJson {
  const { health } = settings;
  return {
    slo_threshold_lag: health.sloThresholdP95Lag.defaultLag,
    slo_topic_thresholds: { ...health.sloThresholdP95Lag.byTopic },
    slo_compliance_min: health.sloComplianceMin,
    rebalance_score_min: health.rebalanceScoreMin,
    fairness_gini_max: health.fairnessGiniMax,
    stuck_detection_window_seconds: settings.stuckWindowMs / 1000,
  };
}

/** The summary in the seed's field order (also used by the topic detail's health list). */
export function healthSummaryJson(summary: ConsumerHealthSummary): ConsumerHealthSummary {
  return {
    group_id: summary.group_id,
    state: summary.state,
    slo_compliance: summary.slo_compliance,
    rebalance_score: summary.rebalance_score,
    fairness_gini: summary.fairness_gini,
    stuck_count: summary.stuck_count,
    recommendation: summary.recommendation,
    status: summary.status,
    health: summary.health,
  };
}

export interface GroupHealthViewInput {
  observation: KafkaClusterObservation;
  groupLag: GroupLag;
  analysis: GroupAnalysis;
  points: readonly GroupWindowPoint[];
  settings: ConsumerAnalysisSettings;
}

export function groupHealthView({ observation, groupLag, analysis, points, settings }: GroupHealthViewInput): GroupHealthJson {
  const { burrow } = analysis;
  return {
    cluster_id: observation.clusterId,
    ...healthSummaryJson(analysis.summary),
    lag_metrics: lagMetricsJson(groupLag.lag),
    burrow: {
      status: burrow.status,
      complete: burrow.complete,
      total_lag: burrow.total_lag,
      partition_count: burrow.partition_count,
      maxlag: burrow.maxlag && burrowPartitionJson(burrow.maxlag),
      partitions: burrow.partitions.map(burrowPartitionJson),
    },
    stuck_partitions: analysis.stuckPartitions.map(stuckPartitionJson),
    rebalance_count: analysis.rebalanceCount,
    window: {
      point_count: points.length,
      oldest_at: points[0] ? isoTime(points[0].observedAtMs) : null,
      newest_at: points.length > 0 ? isoTime((points[points.length - 1] as GroupWindowPoint).observedAtMs) : null,
    },
    thresholds: thresholdsJson(settings),
    observed_at: isoTime(observation.observedAtMs),
    errors: errorsFor(observation, `group:${analysis.summary.group_id}`),
  };
}
