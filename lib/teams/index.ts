/** Teams: ownership by name patterns, per-team thresholds and what each user may see. */
export { compileGlob, globMatches, type CompiledGlob } from './glob';
export { resourceKinds, type ResourceKind, type ResourceRef } from './resource-kinds';
export { matchTeams, type TeamMatch, type TeamPatternRule, type TeamRules } from './match-teams';
export { explainThresholds, resolveThresholds, type ResolvedThresholds, type ThresholdSource } from './resolve-thresholds';
export { buildTeamScope, filterByTeamScope, isVisibleInScope, unrestrictedScope, type TeamScope } from './team-scope';
export { thresholdFields, type GlobalThresholds, type TeamThresholds, type ThresholdField } from './team-thresholds';
