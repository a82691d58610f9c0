import { compileGlob, globMatches, type CompiledGlob } from './glob';
import type { ResourceKind, ResourceRef } from './resource-kinds';
import type { TeamThresholds } from './team-thresholds';

/** One ownership rule of a team. A null clusterId applies to every cluster. */
export interface TeamPatternRule {
  kind: ResourceKind;
  pattern: string;
  clusterId: string | null;
}

export interface TeamRules {
  id: string;
  name: string;
  patterns: readonly TeamPatternRule[];
  thresholds: TeamThresholds;
}

/**
 * How precisely a pattern names a resource, compared left to right: an exact name beats any
 * wildcard, then more literal characters beat fewer (`payments-orders-*` beats `payments-*`),
 * then a pattern for one cluster beats one for every cluster.
 */
export type Specificity = readonly [exact: number, literalCount: number, clusterSpecific: number];

export interface TeamMatch {
  team: TeamRules;
  /** The specificity of the team's most specific pattern that matches the resource. */
  specificity: Specificity;
}

export function compareSpecificity(left: Specificity, right: Specificity): number {
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

export interface CompiledPatternRule extends TeamPatternRule {
  glob: CompiledGlob;
}

export function compilePatternRule(rule: TeamPatternRule): CompiledPatternRule {
  return { ...rule, glob: compileGlob(rule.pattern) };
}

export function ruleMatches(rule: CompiledPatternRule, resource: ResourceRef): boolean {
  return rule.kind === resource.kind
    && (rule.clusterId === null || rule.clusterId === resource.clusterId)
    && globMatches(rule.glob, resource.name);
}

export function ruleSpecificity(rule: CompiledPatternRule): Specificity {
  return [rule.glob.exact ? 1 : 0, rule.glob.literalCount, rule.clusterId === null ? 0 : 1];
}

/** The teams owning the resource, most specific first (ties keep the input order). */
export function matchTeams(teams: readonly TeamRules[], resource: ResourceRef): TeamMatch[] {
  return createTeamMatcher(teams)(resource);
}

/** matchTeams with the patterns compiled once, for matching thousands of resources. */
export function createTeamMatcher(teams: readonly TeamRules[]): (resource: ResourceRef) => TeamMatch[] {
  const compiled = teams.map((team) => ({ team, rules: team.patterns.map(compilePatternRule) }));
  return (resource) => {
    const matches: TeamMatch[] = [];
    for (const { team, rules } of compiled) {
      let best: Specificity | null = null;
      for (const rule of rules) {
        if (!ruleMatches(rule, resource)) continue;
        const specificity = ruleSpecificity(rule);
        if (best === null || compareSpecificity(specificity, best) > 0) best = specificity;
      }
      if (best !== null) matches.push({ team, specificity: best });
    }
    return matches.sort((left, right) => compareSpecificity(right.specificity, left.specificity));
  };
}
