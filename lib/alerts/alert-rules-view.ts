import type { DatabaseClient } from '@/lib/db/create-client';
import { badRequest } from '@/lib/api/errors';
import type { LagboardConfig } from '@/lib/config';
import { alertRuleListResponseSchema, type AlertRuleJson, type RuleSettingsBody } from './api-schemas';
import { ruleDefaultsFrom } from './evaluate-source';
import { alertRules, findAlertRule, type AlertRuleDefinition } from './rule-catalog';
import { RuleOverrideIndex, resolveRule, type OverrideScope, type RuleOverride } from './rule-settings';
import { loadRuleOverrides, saveRuleSetting } from './rule-settings-store';

const noTarget = { teamIds: [], teamThreshold: null, topics: [], stream: null };

function ruleJson(rule: AlertRuleDefinition, overrides: readonly RuleOverride[], config: LagboardConfig): AlertRuleJson {
  const defaults = ruleDefaultsFrom(config);
  const builtIn = resolveRule(rule, new RuleOverrideIndex([]), noTarget, defaults);
  const effective = resolveRule(rule, new RuleOverrideIndex(overrides), noTarget, defaults);
  const settings = (value: { enabled: boolean; severity: AlertRuleJson['built_in']['severity']; threshold: number; forSeconds: number }) => ({
    enabled: value.enabled, severity: value.severity, threshold: value.threshold, for_seconds: value.forSeconds,
  });
  return {
    rule_id: rule.id,
    title: rule.title,
    condition: rule.condition,
    source_kind: rule.sourceKind,
    unit: rule.unit,
    comparison: rule.comparison,
    threshold_minimum: rule.thresholdMinimum,
    threshold_maximum: rule.thresholdMaximum,
    built_in: settings(builtIn),
    default: settings(effective),
    overrides: overrides.filter((override) => override.scope !== 'default').map((override) => ({
      scope: override.scope as Exclude<OverrideScope, 'default'>,
      target: override.target,
      enabled: override.enabled,
      severity: override.severity,
      threshold: override.threshold,
      for_seconds: override.forSeconds,
    })),
  };
}

/** Every rule with its built-in and edited defaults and its team, topic and stream overrides. */
export async function listAlertRules(db: DatabaseClient, config: LagboardConfig) {
  const overrides = await loadRuleOverrides(db);
  return alertRuleListResponseSchema.parse({
    rules: alertRules.map((rule) => ruleJson(rule, overrides.filter((override) => override.ruleId === rule.id), config)),
    for_seconds_max: config.alerts.forSecondsMax,
  });
}

export async function getAlertRule(db: DatabaseClient, ruleId: string, config: LagboardConfig): Promise<AlertRuleJson> {
  const rule = findAlertRule(ruleId);
  if (!rule) throw badRequest(`rule_id: unknown rule "${ruleId}"`);
  const overrides = (await loadRuleOverrides(db)).filter((override) => override.ruleId === rule.id);
  return ruleJson(rule, overrides, config);
}

/** Checks a threshold against the rule's bounds; the message names the field and the range. */
function validateThreshold(rule: AlertRuleDefinition, threshold: number | null | undefined): void {
  if (threshold === null || threshold === undefined) return;
  if (threshold < rule.thresholdMinimum || threshold > rule.thresholdMaximum) {
    throw badRequest(`threshold: must be between ${rule.thresholdMinimum} and ${rule.thresholdMaximum} for ${rule.id} (unit: ${rule.unit})`);
  }
}

/** Saves the rule's defaults (scope `default`) or one override; fields left out are cleared (inherit). */
export async function updateRuleSettings(
  db: DatabaseClient,
  ruleId: string,
  scope: OverrideScope,
  target: string,
  body: RuleSettingsBody,
  actor: string,
  config: LagboardConfig,
): Promise<AlertRuleJson> {
  const rule = findAlertRule(ruleId);
  if (!rule) throw badRequest(`rule_id: unknown rule "${ruleId}"`);
  validateThreshold(rule, body.threshold);
  if (scope === 'team' && !(await db.team.findUnique({ where: { id: target }, select: { id: true } }))) {
    throw badRequest(`target: no team with id "${target}"`);
  }
  const perResource = rule.resource !== 'source' && rule.resource !== 'redis_server';
  const streamRule = rule.resource === 'redis_stream_group' || rule.resource === 'redis_consumer';
  // A whole source has no owning team, topic or stream: such an override would never apply.
  if ((scope !== 'default' && !perResource) || (scope === 'topic' && rule.resource !== 'kafka_group') || (scope === 'stream' && !streamRule)) {
    throw badRequest(`scope: ${rule.id} cannot be overridden per ${scope}`);
  }
  await saveRuleSetting(db, {
    ruleId, scope, target,
    enabled: body.enabled ?? null,
    severity: body.severity ?? null,
    threshold: body.threshold ?? null,
    forSeconds: body.for_seconds ?? null,
  }, actor);
  return getAlertRule(db, ruleId, config);
}
