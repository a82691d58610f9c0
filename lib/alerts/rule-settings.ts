import type { AlertRuleDefinition, RuleDefaultsContext } from './rule-catalog';
import type { AlertSeverity, EffectiveRule } from './types';

export type OverrideScope = 'default' | 'team' | 'topic' | 'stream';
export const overrideScopes = ['default', 'team', 'topic', 'stream'] as const;

/** One stored row of AlertRuleSetting: each null field inherits from the next level. */
export interface RuleOverride {
  ruleId: string;
  scope: OverrideScope;
  /** Team id, topic name or stream name; '' for `default`. */
  target: string;
  enabled: boolean | null;
  severity: AlertSeverity | null;
  threshold: number | null;
  forSeconds: number | null;
}

/** The resource a rule is judged on, as far as settings are concerned. */
export interface RuleTarget {
  /** Owning teams, most specific first (lib/teams/match-teams). */
  teamIds: readonly string[];
  /** The team threshold (Team.*) that applies to the resource, or null when no owning team sets it. */
  teamThreshold: number | null;
  topics: readonly string[];
  stream: string | null;
}

export type SettingOrigin = 'built_in' | 'rule_default' | 'team_threshold' | 'team' | 'topic' | 'stream';

export interface ResolvedRule extends EffectiveRule {
  origins: Record<keyof EffectiveRule, SettingOrigin>;
}

type Field = keyof EffectiveRule;
const fields: readonly Field[] = ['enabled', 'severity', 'threshold', 'forSeconds'];

/** Overrides by rule, scope and target, for resolving thousands of resources per evaluation. */
export class RuleOverrideIndex {
  private readonly byKey = new Map<string, RuleOverride>();

  constructor(overrides: readonly RuleOverride[]) {
    for (const override of overrides) this.byKey.set(RuleOverrideIndex.key(override.ruleId, override.scope, override.target), override);
  }

  private static key(ruleId: string, scope: OverrideScope, target: string): string {
    return `${ruleId}\u0000${scope}\u0000${target}`;
  }

  get(ruleId: string, scope: OverrideScope, target: string): RuleOverride | undefined {
    return this.byKey.get(RuleOverrideIndex.key(ruleId, scope, target));
  }
}

/** The stricter of two thresholds in the rule's direction: the resource alerts as early as its most demanding topic wants. */
function stricter(rule: AlertRuleDefinition, left: number, right: number): number {
  return rule.comparison === 'above' ? Math.min(left, right) : Math.max(left, right);
}

function topicValue(rule: AlertRuleDefinition, index: RuleOverrideIndex, topics: readonly string[], field: Field): EffectiveRule[Field] | null {
  let found: EffectiveRule[Field] | null = null;
  for (const topic of [...topics].sort()) {
    const value = index.get(rule.id, 'topic', topic)?.[field] ?? null;
    if (value === null) continue;
    if (found === null) found = value;
    else if (field === 'threshold') found = stricter(rule, found as number, value as number);
    // Disabled by one topic is not disabled for the others' sake: any topic enabling keeps it on.
    else if (field === 'enabled') found = (found as boolean) || (value as boolean);
  }
  return found;
}

/**
 * A rule's settings for one resource, field by field, most specific first:
 * stream or topic override > team override (the most specific owning team that sets the field) >
 * the team's threshold (Team.sloComplianceMin etc., threshold only) > the rule's edited default >
 * the built-in default (from the configuration). `forSecondsMax` (ALERT_FOR_SECONDS_MAX) caps the
 * duration last, so a demo or a test can shorten every rule without touching its settings.
 */
export function resolveRule(
  rule: AlertRuleDefinition,
  index: RuleOverrideIndex,
  target: RuleTarget,
  defaults: RuleDefaultsContext,
  forSecondsMax: number | null = null,
): ResolvedRule {
  const builtIn: EffectiveRule = {
    enabled: true,
    severity: rule.defaultSeverity,
    threshold: rule.defaultThreshold(defaults),
    forSeconds: rule.defaultForSeconds,
  };
  const resolved = { ...builtIn } as Record<Field, EffectiveRule[Field]>;
  const origins = {} as Record<Field, SettingOrigin>;
  const ruleDefault = index.get(rule.id, 'default', '');
  for (const field of fields) {
    const candidates: Array<[SettingOrigin, EffectiveRule[Field] | null | undefined]> = [
      ['stream', target.stream === null ? null : index.get(rule.id, 'stream', target.stream)?.[field]],
      ['topic', topicValue(rule, index, target.topics, field)],
      ['team', target.teamIds.map((teamId) => index.get(rule.id, 'team', teamId)?.[field] ?? null).find((value) => value !== null)],
      ['team_threshold', field === 'threshold' ? target.teamThreshold : null],
      ['rule_default', ruleDefault?.[field]],
    ];
    const winner = candidates.find(([, value]) => value !== null && value !== undefined);
    resolved[field] = winner ? (winner[1] as EffectiveRule[Field]) : builtIn[field];
    origins[field] = winner ? winner[0] : 'built_in';
  }
  const effective = resolved as unknown as EffectiveRule;
  if (forSecondsMax !== null && effective.forSeconds > forSecondsMax) effective.forSeconds = forSecondsMax;
  return { ...effective, origins };
}
