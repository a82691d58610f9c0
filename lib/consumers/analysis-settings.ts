import { DEFAULT_BURROW_WINDOW_SIZE, type GroupHealthThresholds, type TopicLagThresholds } from '@/lib/analysis';
import type { LagboardConfig } from '@/lib/config';

/** Everything the group analyses need besides data: seed 004's thresholds and the window rules. */
export interface ConsumerAnalysisSettings {
  health: GroupHealthThresholds & { sloThresholdP95Lag: TopicLagThresholds };
  stuckWindowMs: number;
  /** Burrow's `intervals`: the commits each partition is judged on. */
  burrowWindowSize: number;
  /**
   * Burrow status is only judged once the group's points span this long. Kafka gives no commit
   * times, so a window of a few seconds cannot tell a stopped consumer from one whose next
   * commit is simply not due yet (clients commit every 5 s by default).
   */
  minimumEvidenceMs: number;
  /** How far back the window is read: the stuck window plus the point before it. */
  lookbackMs: number;
}

export const DEFAULT_MINIMUM_EVIDENCE_MS = 60_000;

export function analysisSettingsFrom(config: LagboardConfig): ConsumerAnalysisSettings {
  const thresholds = config.thresholds;
  const stuckWindowMs = thresholds.stuckDetectionWindowSeconds * 1000;
  return {
    health: {
      sloThresholdP95Lag: { byTopic: thresholds.sloTopicThresholds, defaultLag: thresholds.sloThresholdP95Lag },
      sloComplianceMin: thresholds.sloComplianceMin,
      rebalanceScoreMin: thresholds.rebalanceScoreMin,
      fairnessGiniMax: thresholds.fairnessGiniMax,
    },
    stuckWindowMs,
    burrowWindowSize: DEFAULT_BURROW_WINDOW_SIZE,
    minimumEvidenceMs: DEFAULT_MINIMUM_EVIDENCE_MS,
    lookbackMs: 2 * stuckWindowMs,
  };
}
