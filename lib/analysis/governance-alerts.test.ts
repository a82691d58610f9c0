import { describe, expect, it } from 'vitest';
import { governanceAlerts, groupGovernanceAlerts } from './governance-alerts';
import type { ConsumerHealthSummary } from './group-health';

const thresholds = { sloComplianceMin: 0.95, rebalanceScoreMin: 70, fairnessGiniMax: 0.3 };

function summary(overrides: Partial<ConsumerHealthSummary>): ConsumerHealthSummary {
  return {
    group_id: 'billing',
    state: 'Stable',
    slo_compliance: 1,
    rebalance_score: 100,
    fairness_gini: 0,
    stuck_count: 0,
    recommendation: null,
    status: 'OK',
    health: 'healthy',
    ...overrides,
  };
}

describe('groupGovernanceAlerts', () => {
  it('raises nothing for a healthy group, and nothing exactly at the thresholds', () => {
    expect(groupGovernanceAlerts({ summary: summary({}), stuckPartitions: [], dataLossPartitions: [] }, thresholds)).toEqual([]);
    // 0.95 compliance meets 0.95, score 70 meets 70, Gini 0.3 is not above 0.3.
    const atThresholds = summary({ slo_compliance: 0.95, rebalance_score: 70, fairness_gini: 0.3 });
    expect(groupGovernanceAlerts({ summary: atThresholds, stuckPartitions: [], dataLossPartitions: [] }, thresholds)).toEqual([]);
  });

  it('raises every kind with its severity, most urgent first', () => {
    const alerts = groupGovernanceAlerts({
      summary: summary({ slo_compliance: 0.5, rebalance_score: 60, fairness_gini: 0.36, stuck_count: 1 }),
      stuckPartitions: [{ topic: 'orders', partition: 2 }],
      dataLossPartitions: [{ topic: 'orders', partition: 0 }],
    }, thresholds);
    expect(alerts.map((alert) => [alert.type, alert.severity])).toEqual([
      ['data_loss', 'critical'],
      ['stuck_partitions', 'critical'],
      ['slo_violation', 'critical'],
      ['rebalance_instability', 'warning'],
      ['unfair_distribution', 'warning'],
    ]);
    expect(alerts.every((alert) => alert.group_id === 'billing')).toBe(true);
    expect(alerts[1]?.message).toContain('orders-2');
    expect(alerts[2]?.message).toContain('50%');
    expect(alerts[4]?.message).toContain('Gini 0.36');
  });

  it('skips rebalance and fairness alerts when those figures are unknown', () => {
    const alerts = groupGovernanceAlerts({ summary: summary({ rebalance_score: null, fairness_gini: null }), stuckPartitions: [], dataLossPartitions: [] }, thresholds);
    expect(alerts).toEqual([]);
  });

  it('names at most five partitions', () => {
    const stuckPartitions = Array.from({ length: 7 }, (_unused, partition) => ({ topic: 't', partition }));
    const [alert] = groupGovernanceAlerts({ summary: summary({ stuck_count: 7 }), stuckPartitions, dataLossPartitions: [] }, thresholds);
    expect(alert?.message).toContain('t-4 and 2 more');
  });
});

describe('governanceAlerts', () => {
  it('orders critical before warning, then by group id', () => {
    const alerts = governanceAlerts([
      { summary: summary({ group_id: 'b', fairness_gini: 0.5 }), stuckPartitions: [], dataLossPartitions: [] },
      { summary: summary({ group_id: 'c', slo_compliance: 0 }), stuckPartitions: [], dataLossPartitions: [] },
      { summary: summary({ group_id: 'a', fairness_gini: 0.5, slo_compliance: 0 }), stuckPartitions: [], dataLossPartitions: [] },
    ], thresholds);
    expect(alerts.map((alert) => `${alert.severity}:${alert.group_id}:${alert.type}`)).toEqual([
      'critical:a:slo_violation',
      'critical:c:slo_violation',
      'warning:a:unfair_distribution',
      'warning:b:unfair_distribution',
    ]);
  });
});
