import type { GlobalThresholds, ThresholdField } from '@/lib/teams/team-thresholds';
import { breaches, type AlertRuleDefinition, type RuleDefaultsContext } from './rule-catalog';
import { resolveRule, type RuleOverrideIndex } from './rule-settings';
import type { AlertCondition, AlertUnit } from './types';

/** Who owns a resource and which thresholds apply to it (lib/teams resolves it; tests pass a table). */
export interface ResourceOwnership {
  /** Most specific first. */
  teamIds: string[];
  thresholds: GlobalThresholds;
  /** The threshold fields some owning team sets (the others are the global values). */
  teamFields: ReadonlySet<ThresholdField>;
}

export type OwnershipLookup = (kind: 'kafka_group' | 'redis_stream', name: string, clusterId: string | null) => ResourceOwnership;

export interface RuleContext {
  overrides: RuleOverrideIndex;
  defaults: RuleDefaultsContext;
  /** ALERT_FOR_SECONDS_MAX; null: no cap. */
  forSecondsMax: number | null;
  ownership: OwnershipLookup;
  /** Filled with every judged key's figure, breached or not: a resolved event carries the figure it cleared at. */
  figures?: Map<string, number>;
}

export interface RuleResource {
  source: string;
  clusterId: string | null;
  groupId: string | null;
  topic: string | null;
  stream: string | null;
  /** The part of the key after the rule and source, e.g. `group:orders`. */
  resourceKey: string;
  topics: readonly string[];
  ownership: ResourceOwnership | null;
}

/** The figure in words with its unit: ratios as percentages, the others as numbers. */
export function formatFigure(value: number, unit: AlertUnit): string {
  if (unit === 'ratio') return `${Math.round(value * 1000) / 10} %`;
  if (unit === 'percent') return `${Math.round(value * 10) / 10}`;
  const rounded = Number.isInteger(value) ? value.toLocaleString('en-US') : (Math.round(value * 10) / 10).toLocaleString('en-US');
  return unit === 'count' ? rounded : `${rounded} ${unit === 'messages' ? 'messages' : 's'}`;
}

/**
 * Judges one rule on one resource: resolves its settings (overrides, team thresholds), and
 * returns the condition when the value breaches the threshold, else null. `describe` writes the
 * summary line from the value and the threshold in effect.
 */
export function judge(
  rule: AlertRuleDefinition,
  resource: RuleResource,
  value: number | null,
  context: RuleContext,
  describe: (value: string, threshold: string) => string,
): AlertCondition | null {
  if (value === null) return null;
  const key = `${rule.id}|${resource.source}|${resource.resourceKey}`;
  context.figures?.set(key, value);
  const field = rule.teamThresholdField;
  const ownership = resource.ownership;
  const settings = resolveRule(rule, context.overrides, {
    teamIds: ownership?.teamIds ?? [],
    teamThreshold: field !== null && ownership !== null && ownership.teamFields.has(field) ? ownership.thresholds[field] : null,
    topics: resource.topics,
    stream: resource.stream,
  }, context.defaults, context.forSecondsMax);
  if (!settings.enabled || !breaches(rule, value, settings.threshold)) return null;
  return {
    key,
    ruleId: rule.id,
    severity: settings.severity,
    source: resource.source,
    clusterId: resource.clusterId,
    groupId: resource.groupId,
    topic: resource.topic,
    stream: resource.stream,
    teamIds: ownership?.teamIds ?? [],
    summary: describe(formatFigure(value, rule.unit), formatFigure(settings.threshold, rule.unit)),
    value,
    threshold: settings.threshold,
    unit: rule.unit,
    forMs: settings.forSeconds * 1000,
  };
}
