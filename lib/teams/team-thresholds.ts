import type { LagboardConfig } from '@/lib/config';

/**
 * The global thresholds a team may override. Each field says which way is stricter, so two teams
 * that claim a resource equally specifically resolve to the safer value.
 */
export const thresholdFields = {
  sloThresholdP95Lag: { stricter: 'lower', jsonName: 'slo_threshold_p95_lag' },
  sloComplianceMin: { stricter: 'higher', jsonName: 'slo_compliance_min' },
  fairnessGiniMax: { stricter: 'lower', jsonName: 'fairness_gini_max' },
  rebalanceScoreMin: { stricter: 'higher', jsonName: 'rebalance_score_min' },
  streamLagDegraded: { stricter: 'lower', jsonName: 'stream_lag_degraded' },
  streamLagUnhealthy: { stricter: 'lower', jsonName: 'stream_lag_unhealthy' },
} as const;

export type ThresholdField = keyof typeof thresholdFields;

export const thresholdFieldNames = Object.keys(thresholdFields) as ThresholdField[];

/** A team's overrides: null means "use the global value". */
export type TeamThresholds = Record<ThresholdField, number | null>;

export type GlobalThresholds = LagboardConfig['thresholds'];

export const noThresholdOverrides: TeamThresholds = {
  sloThresholdP95Lag: null,
  sloComplianceMin: null,
  fairnessGiniMax: null,
  rebalanceScoreMin: null,
  streamLagDegraded: null,
  streamLagUnhealthy: null,
};

/** True when `candidate` is stricter than `current` for this field. */
export function isStricter(field: ThresholdField, candidate: number, current: number): boolean {
  return thresholdFields[field].stricter === 'lower' ? candidate < current : candidate > current;
}
