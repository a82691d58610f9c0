import type { KafkaGroupAlertFacts } from './kafka-facts';
import type { ResourceOwnership, RuleContext } from './rule-context';
import { RuleOverrideIndex, type RuleOverride } from './rule-settings';
import type { RuleDefaultsContext } from './rule-catalog';

/** Seed 004's and seed 003's defaults, as the configuration gives them without any variable set. */
export const seedDefaults: RuleDefaultsContext = {
  thresholds: {
    sloThresholdP95Lag: 1000,
    sloTopicThresholds: {},
    sloComplianceMin: 0.95,
    rebalanceScoreMin: 70,
    fairnessGiniMax: 0.3,
    stuckDetectionWindowSeconds: 300,
    streamLagDegraded: 100,
    streamLagUnhealthy: 1000,
  },
  deadConsumerIdleMs: 300_000,
  pendingCritical: 500,
};

export const unowned: ResourceOwnership = { teamIds: [], thresholds: seedDefaults.thresholds, teamFields: new Set() };

export function ruleContext(overrides: RuleOverride[] = [], ownership: (name: string) => ResourceOwnership = () => unowned, forSecondsMax: number | null = null): RuleContext {
  return { overrides: new RuleOverrideIndex(overrides), defaults: seedDefaults, forSecondsMax, ownership: (_kind, name) => ownership(name) };
}

/** A healthy group: every rule stays quiet. */
export function healthyFacts(changes: Partial<KafkaGroupAlertFacts> = {}): KafkaGroupAlertFacts {
  return {
    groupId: 'orders',
    topics: ['orders'],
    partitions: [{ topic: 'orders', partition: 0, lag: 0 }, { topic: 'orders', partition: 1, lag: 10 }],
    totalLag: 10,
    previousTotalLag: 8,
    fairnessGini: 0,
    rebalanceScore: 100,
    stuckCount: 0,
    burrowStatus: 'OK',
    burrowProblemCount: 0,
    dataLossCount: 0,
    lagSecondsMax: 2,
    rebalanced: false,
    ...changes,
  };
}

export function override(ruleId: string, scope: RuleOverride['scope'], target: string, fields: Partial<Pick<RuleOverride, 'enabled' | 'severity' | 'threshold' | 'forSeconds'>>): RuleOverride {
  return { ruleId, scope, target, enabled: null, severity: null, threshold: null, forSeconds: null, ...fields };
}
