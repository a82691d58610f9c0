import { describe, expect, it } from 'vitest';
import { findAlertRule } from './rule-catalog';
import { RuleOverrideIndex, resolveRule, type RuleTarget } from './rule-settings';
import { override, seedDefaults } from './test-fixtures';

const slo = findAlertRule('kafka.slo_violation')!;
const lagSeconds = findAlertRule('kafka.lag_seconds')!;
const target: RuleTarget = { teamIds: ['team-a', 'team-b'], teamThreshold: null, topics: ['orders', 'payments'], stream: null };

describe('rule settings precedence', () => {
  it('built-in defaults come from the configuration', () => {
    expect(resolveRule(slo, new RuleOverrideIndex([]), target, seedDefaults)).toMatchObject({
      enabled: true, severity: 'critical', threshold: 0.95, forSeconds: 300,
      origins: { enabled: 'built_in', severity: 'built_in', threshold: 'built_in', forSeconds: 'built_in' },
    });
  });

  it('topic > team > team threshold > rule default > built in, field by field', () => {
    const index = new RuleOverrideIndex([
      override('kafka.slo_violation', 'default', '', { threshold: 0.9, forSeconds: 120, severity: 'warning' }),
      override('kafka.slo_violation', 'team', 'team-b', { threshold: 0.8, forSeconds: 60 }),
      override('kafka.slo_violation', 'team', 'team-a', { forSeconds: 30 }),
      override('kafka.slo_violation', 'topic', 'payments', { threshold: 0.7 }),
    ]);
    expect(resolveRule(slo, index, { ...target, teamThreshold: 0.99 }, seedDefaults)).toMatchObject({
      threshold: 0.7, forSeconds: 30, severity: 'warning',
      origins: { threshold: 'topic', forSeconds: 'team', severity: 'rule_default', enabled: 'built_in' },
    });
    // Without the topic override: the first (most specific) team that sets the threshold.
    const withoutTopic = new RuleOverrideIndex([override('kafka.slo_violation', 'team', 'team-b', { threshold: 0.8 })]);
    expect(resolveRule(slo, withoutTopic, { ...target, teamThreshold: 0.99 }, seedDefaults).threshold).toBe(0.8);
    // No override at all: the team threshold (Team.sloComplianceMin) still applies.
    expect(resolveRule(slo, new RuleOverrideIndex([]), { ...target, teamThreshold: 0.99 }, seedDefaults)).toMatchObject({ threshold: 0.99, origins: { threshold: 'team_threshold' } });
  });

  it('two topic overrides: the stricter threshold wins (lower for an "above" rule)', () => {
    const index = new RuleOverrideIndex([
      override('kafka.lag_seconds', 'topic', 'orders', { threshold: 120 }),
      override('kafka.lag_seconds', 'topic', 'payments', { threshold: 60 }),
    ]);
    expect(resolveRule(lagSeconds, index, target, seedDefaults).threshold).toBe(60);
    const sloIndex = new RuleOverrideIndex([
      override('kafka.slo_violation', 'topic', 'orders', { threshold: 0.5 }),
      override('kafka.slo_violation', 'topic', 'payments', { threshold: 0.6 }),
    ]);
    expect(resolveRule(slo, sloIndex, target, seedDefaults).threshold).toBe(0.6);
  });

  it('a stream override applies to its stream only', () => {
    const rule = findAlertRule('redis.group_lag')!;
    const index = new RuleOverrideIndex([override('redis.group_lag', 'stream', 'events:chat', { threshold: 10 })]);
    const streamTarget = { teamIds: [], teamThreshold: null, topics: [], stream: 'events:chat' };
    expect(resolveRule(rule, index, streamTarget, seedDefaults).threshold).toBe(10);
    expect(resolveRule(rule, index, { ...streamTarget, stream: 'events:ticket' }, seedDefaults).threshold).toBe(1000);
  });

  it('ALERT_FOR_SECONDS_MAX caps the duration after every override', () => {
    const index = new RuleOverrideIndex([override('kafka.slo_violation', 'default', '', { forSeconds: 900 })]);
    expect(resolveRule(slo, index, target, seedDefaults, 5).forSeconds).toBe(5);
    expect(resolveRule(slo, index, target, seedDefaults, null).forSeconds).toBe(900);
  });
});
