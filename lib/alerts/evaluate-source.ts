import type { LagboardConfig } from '@/lib/config';
import type { DatabaseClient } from '@/lib/db/create-client';
import { applyTransitions, type AppliedTransitions, type ApplyOptions } from './apply-transitions';
import { evaluateSourceRules } from './evaluate-rules';
import { loadOwnershipLookup } from './ownership';
import type { RuleDefaultsContext } from './rule-catalog';
import { RuleOverrideIndex } from './rule-settings';
import { loadRuleOverrides } from './rule-settings-store';
import type { SourceAlertInput } from './source-input';

export function ruleDefaultsFrom(config: LagboardConfig): RuleDefaultsContext {
  return {
    thresholds: config.thresholds,
    deadConsumerIdleMs: config.streamMonitoring.deadConsumerIdleMs,
    pendingCritical: config.streamMonitoring.pendingCritical,
  };
}

/**
 * Evaluates one source's observation and analysis and applies the transitions (one
 * transaction). The caller must lead that source: the collector calls it after writing the
 * source's snapshot, passing its leadership fence.
 */
export async function evaluateSourceAlerts(
  db: DatabaseClient,
  input: SourceAlertInput,
  config: LagboardConfig,
  options: ApplyOptions = {},
): Promise<AppliedTransitions> {
  const [overrides, ownership] = await Promise.all([loadRuleOverrides(db), loadOwnershipLookup(db, config.thresholds)]);
  const evaluation = evaluateSourceRules(input, {
    overrides: new RuleOverrideIndex(overrides),
    defaults: ruleDefaultsFrom(config),
    forSecondsMax: config.alerts.forSecondsMax,
    ownership,
  });
  return applyTransitions(db, evaluation, input.evaluatedAtMs, options);
}
