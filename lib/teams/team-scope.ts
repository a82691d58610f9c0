import { compilePatternRule, ruleMatches, type CompiledPatternRule, type TeamPatternRule } from './match-teams';
import { resourceKinds, type ResourceKind, type ResourceRef } from './resource-kinds';

/**
 * What a principal may see. Admins see everything. Everybody else sees the resources of their
 * own teams and every resource that no team owns: teams divide ownership, they do not hide
 * what nobody claimed (a new consumer group must not vanish from an incident view until an
 * admin assigns it). A deployment that wants strict isolation gives every resource an owner,
 * for example with a catch-all team holding `*`.
 */
export type TeamScope =
  | { all: true }
  | {
    all: false;
    /** Patterns of the teams the principal belongs to. */
    memberRules: readonly CompiledPatternRule[];
    /** Patterns of every team: a resource none of them matches is unowned. */
    ownedRules: readonly CompiledPatternRule[];
  };

export const unrestrictedScope: TeamScope = { all: true };

export function buildTeamScope(memberRules: readonly TeamPatternRule[], allRules: readonly TeamPatternRule[]): TeamScope {
  return { all: false, memberRules: memberRules.map(compilePatternRule), ownedRules: allRules.map(compilePatternRule) };
}

/**
 * One team's view: only the resources its patterns own, not the unowned ones a member would also
 * see, so the page's figures are that team's aggregate. Every resource counts as owned (a
 * catch-all rule per kind), so nothing outside the team's patterns passes.
 */
export function teamOnlyScope(teamRules: readonly TeamPatternRule[]): TeamScope {
  const everything = resourceKinds.map((kind) => ({ kind, pattern: '*', clusterId: null }));
  return buildTeamScope(teamRules, everything);
}

export function isVisibleInScope(scope: TeamScope, resource: ResourceRef): boolean {
  if (scope.all) return true;
  const relevant = (rule: CompiledPatternRule) => rule.kind === resource.kind;
  if (scope.memberRules.some((rule) => relevant(rule) && ruleMatches(rule, resource))) return true;
  return !scope.ownedRules.some((rule) => relevant(rule) && ruleMatches(rule, resource));
}

/**
 * The items the scope may see, in their order. For list pages and list APIs: `nameOf` gives the
 * resource name (group id, topic, stream key); `clusterId` is the cluster of every item, or a
 * function when items come from several clusters.
 */
export function filterByTeamScope<Item>(
  items: readonly Item[],
  kind: ResourceKind,
  nameOf: (item: Item) => string,
  scope: TeamScope,
  clusterId: string | null | ((item: Item) => string | null) = null,
): Item[] {
  if (scope.all) return [...items];
  const clusterOf = typeof clusterId === 'function' ? clusterId : () => clusterId;
  return items.filter((item) => isVisibleInScope(scope, { kind, name: nameOf(item), clusterId: clusterOf(item) }));
}
