import { describe, expect, it } from 'vitest';
import { evaluateKafkaGroups } from './kafka-rules';
import { healthyFacts, override, ruleContext, seedDefaults } from './test-fixtures';

const evaluate = (...args: Parameters<typeof healthyFacts>) => evaluateKafkaGroups('local', [healthyFacts(...args)], ruleContext());

describe('Kafka group rules', () => {
  it('a healthy group breaks no rule', () => {
    expect(evaluate()).toEqual([]);
  });

  it('SLO violation: 1 of 4 partitions under 1,000 messages is 25 % compliance, below 95 %', () => {
    const [condition, ...rest] = evaluate({
      partitions: [0, 1, 2, 3].map((partition) => ({ topic: 'orders', partition, lag: partition === 0 ? 999 : 1000 })),
    });
    expect(rest).toEqual([]);
    expect(condition).toMatchObject({
      key: 'kafka.slo_violation|kafka:local|group:orders', ruleId: 'kafka.slo_violation', severity: 'critical',
      value: 0.25, threshold: 0.95, unit: 'ratio', forMs: 300_000, clusterId: 'local', groupId: 'orders',
      summary: 'SLO compliance 25 % (minimum 95 %)',
    });
  });

  it('SLO is judged with the owning team\'s lag threshold and compliance minimum', () => {
    const partitions = [{ topic: 'orders', partition: 0, lag: 1500 }, { topic: 'orders', partition: 1, lag: 10 }];
    const teamOwned = () => ({
      teamIds: ['team-a'],
      thresholds: { ...seedDefaults.thresholds, sloThresholdP95Lag: 2000, sloComplianceMin: 0.99 },
      teamFields: new Set(['sloThresholdP95Lag', 'sloComplianceMin'] as const),
    });
    // Lag 1,500 meets the team's 2,000-message SLO: compliance 100 %, nothing to report.
    expect(evaluateKafkaGroups('local', [healthyFacts({ partitions })], ruleContext([], teamOwned))).toEqual([]);
    const tight = () => ({ ...teamOwned(), thresholds: { ...teamOwned().thresholds, sloThresholdP95Lag: 1000 } });
    const [condition] = evaluateKafkaGroups('local', [healthyFacts({ partitions })], ruleContext([], tight));
    expect(condition).toMatchObject({ value: 0.5, threshold: 0.99, teamIds: ['team-a'] });
  });

  it('stuck partitions: any stuck partition fires at once', () => {
    expect(evaluate({ stuckCount: 2 })).toMatchObject([{ ruleId: 'kafka.stuck_partitions', value: 2, threshold: 0, forMs: 0, summary: '2 stuck partitions (lag and no commit over the stuck window)' }]);
  });

  it('rebalance instability: score 60 is below 70; 70 is not', () => {
    expect(evaluate({ rebalanceScore: 60 })).toMatchObject([{ ruleId: 'kafka.rebalance_instability', value: 60, threshold: 70, severity: 'warning' }]);
    expect(evaluate({ rebalanceScore: 70 })).toEqual([]);
    expect(evaluate({ rebalanceScore: null })).toEqual([]);
  });

  it('unfair assignment: Gini 0.5 is above 0.3; exactly 0.3 is not', () => {
    expect(evaluate({ fairnessGini: 0.5 })).toMatchObject([{ ruleId: 'kafka.unfair_assignment', value: 0.5, summary: 'Unfair assignment: Gini 50 % (maximum 30 %)' }]);
    expect(evaluate({ fairnessGini: 0.3 })).toEqual([]);
  });

  it('Burrow status: ERR with 3 partitions in STOP/STALL/REWIND; WARN alone is not an alert', () => {
    expect(evaluate({ burrowStatus: 'ERR', burrowProblemCount: 3 })).toMatchObject([{ ruleId: 'kafka.burrow_status', value: 3 }]);
    expect(evaluate({ burrowStatus: 'WARN', burrowProblemCount: 0 })).toEqual([]);
  });

  it('records lost: one partition committed below the log start', () => {
    expect(evaluate({ dataLossCount: 1 })).toMatchObject([{ ruleId: 'kafka.records_lost', value: 1, summary: 'Records lost on 1 partition (committed offset below the log start)' }]);
  });

  it('lag in seconds above 300 s', () => {
    expect(evaluate({ lagSecondsMax: 301 })).toMatchObject([{ ruleId: 'kafka.lag_seconds', value: 301, unit: 'seconds', summary: 'Lag in time 301 s (threshold 300 s)' }]);
    expect(evaluate({ lagSecondsMax: 300 })).toEqual([]);
    expect(evaluate({ lagSecondsMax: null })).toEqual([]);
  });

  it('lag spike: 400 → 2,000 grew 1,600 (> 1,000) and at least doubled; 5,000 → 6,500 did not double', () => {
    expect(evaluate({ previousTotalLag: 400, totalLag: 2000 })).toMatchObject([{ ruleId: 'kafka.lag_spike', severity: 'info', value: 1600, forMs: 0 }]);
    expect(evaluate({ previousTotalLag: 5000, totalLag: 6500 })).toEqual([]);
    expect(evaluate({ previousTotalLag: null, totalLag: 6500 })).toEqual([]);
  });

  it('rebalanced: an info event for the snapshot that saw it', () => {
    expect(evaluate({ rebalanced: true })).toMatchObject([{ ruleId: 'kafka.rebalanced', severity: 'info', value: 1 }]);
  });

  it('a disabled rule and a topic override change what fires', () => {
    const facts = healthyFacts({ fairnessGini: 0.5, lagSecondsMax: 100 });
    const context = ruleContext([
      override('kafka.unfair_assignment', 'default', '', { enabled: false }),
      override('kafka.lag_seconds', 'topic', 'orders', { threshold: 60, forSeconds: 30, severity: 'critical' }),
    ]);
    expect(evaluateKafkaGroups('local', [facts], context)).toMatchObject([{ ruleId: 'kafka.lag_seconds', threshold: 60, forMs: 30_000, severity: 'critical' }]);
  });
});
