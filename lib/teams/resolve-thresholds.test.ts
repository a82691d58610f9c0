import { describe, expect, it } from 'vitest';
import { matchTeams, type TeamRules } from './match-teams';
import { explainThresholds, resolveThresholds } from './resolve-thresholds';
import { noThresholdOverrides, type GlobalThresholds, type TeamThresholds } from './team-thresholds';

const global: GlobalThresholds = {
  sloThresholdP95Lag: 1_000,
  sloTopicThresholds: { 'orders.created': 50 },
  sloComplianceMin: 0.95,
  rebalanceScoreMin: 70,
  fairnessGiniMax: 0.3,
  stuckDetectionWindowSeconds: 300,
  streamLagDegraded: 100,
  streamLagUnhealthy: 1_000,
};

const team = (id: string, pattern: string, overrides: Partial<TeamThresholds>): TeamRules => ({
  id,
  name: `team ${id}`,
  patterns: [{ kind: 'kafka_group', pattern, clusterId: null }],
  thresholds: { ...noThresholdOverrides, ...overrides },
});

const resolveFor = (teams: TeamRules[], name = 'payments-orders') =>
  explainThresholds(global, matchTeams(teams, { kind: 'kafka_group', name, clusterId: 'prod' }));

describe('resolveThresholds', () => {
  it('returns the global thresholds when no team owns the resource or none overrides', () => {
    expect(resolveThresholds(global, [])).toEqual(global);
    expect(resolveFor([team('a', 'payments-*', {})]).thresholds).toEqual(global);
    expect(resolveFor([team('a', 'other-*', { sloThresholdP95Lag: 5 })]).thresholds).toEqual(global);
  });

  it('lets the most specific pattern win, field by field', () => {
    const resolved = resolveFor([
      team('broad', '*', { sloThresholdP95Lag: 10, fairnessGiniMax: 0.1 }),
      team('payments', 'payments-*', { sloThresholdP95Lag: 5_000 }),
      team('exact', 'payments-orders', { rebalanceScoreMin: 50 }),
    ]);
    // The exact team sets only rebalanceScoreMin; payments-* is the most specific with a lag threshold,
    // even though the broad team's is stricter; only the broad team sets the Gini maximum.
    expect(resolved.thresholds).toMatchObject({ sloThresholdP95Lag: 5_000, rebalanceScoreMin: 50, fairnessGiniMax: 0.1, sloComplianceMin: 0.95 });
    expect(resolved.sources.sloThresholdP95Lag.teamId).toBe('payments');
    expect(resolved.sources.rebalanceScoreMin.teamId).toBe('exact');
    expect(resolved.sources.fairnessGiniMax.teamId).toBe('broad');
    expect(resolved.sources.sloComplianceMin).toEqual({ teamId: null, teamName: null });
  });

  it('takes the strictest value between equally specific owners, in the right direction per field', () => {
    const resolved = resolveFor([
      team('a', 'payments-*', { sloThresholdP95Lag: 800, sloComplianceMin: 0.9, rebalanceScoreMin: 60, fairnessGiniMax: 0.2 }),
      team('b', 'payments-*', { sloThresholdP95Lag: 300, sloComplianceMin: 0.99, rebalanceScoreMin: 80, fairnessGiniMax: 0.4 }),
    ]);
    expect(resolved.thresholds).toMatchObject({ sloThresholdP95Lag: 300, sloComplianceMin: 0.99, rebalanceScoreMin: 80, fairnessGiniMax: 0.2 });
    expect(resolved.sources.fairnessGiniMax.teamId).toBe('a');
  });

  it('keeps the per-topic SLO thresholds and never leaves degraded above unhealthy', () => {
    const resolved = resolveFor([
      team('exact', 'payments-orders', { streamLagUnhealthy: 50 }),
      team('broad', 'payments-*', { streamLagDegraded: 500 }),
    ]);
    expect(resolved.thresholds.sloTopicThresholds).toEqual({ 'orders.created': 50 });
    expect(resolved.thresholds.streamLagUnhealthy).toBe(50);
    expect(resolved.thresholds.streamLagDegraded).toBe(50);
    expect(resolved.sources.streamLagDegraded.teamId).toBe('exact');
  });

  it('does not modify the global object', () => {
    const copy = structuredClone(global);
    resolveFor([team('a', '*', { sloThresholdP95Lag: 1 })]);
    expect(global).toEqual(copy);
  });
});
