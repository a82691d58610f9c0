import { mergeThresholds, patternKey, thresholdsOf, type TeamRecord } from './team-record';
import type { ResourceKind } from './resource-kinds';
import type { CreateTeamBody } from './team-schemas';
import { noThresholdOverrides, thresholdFieldNames, thresholdFields, type TeamThresholds } from './team-thresholds';

export interface PatternRule {
  kind: ResourceKind;
  pattern: string;
  clusterId: string | null;
}

/** What applying one team of an import file changes, for the report and for the writer. */
export interface TeamDiff {
  name: string;
  action: 'created' | 'updated' | 'unchanged';
  membersAdded: string[];
  membersRemoved: string[];
  patternsAdded: PatternRule[];
  /** With ids, so the writer can delete them. */
  patternsRemoved: Array<PatternRule & { id: string }>;
  thresholds: TeamThresholds;
  thresholdsChanged: string[];
}

/** The file's patterns without duplicates, in the file's order. */
export function uniquePatterns(patterns: CreateTeamBody['patterns']): PatternRule[] {
  const seen = new Map<string, PatternRule>();
  for (const rule of patterns) {
    const normalized = { kind: rule.kind, pattern: rule.pattern, clusterId: rule.cluster_id };
    seen.set(patternKey(normalized), normalized);
  }
  return [...seen.values()];
}

/**
 * An import file is declarative for the teams it lists: afterwards each has exactly the file's
 * members, patterns and thresholds (a threshold the file leaves out is cleared).
 */
export function diffTeam(existing: TeamRecord | null, desired: CreateTeamBody): TeamDiff {
  const desiredMembers = [...new Set(desired.members)];
  const desiredPatterns = uniquePatterns(desired.patterns);
  const thresholds = mergeThresholds(noThresholdOverrides, desired.thresholds);
  const currentMembers = new Set(existing?.memberships.map(({ user }) => user.username) ?? []);
  const currentPatterns = new Map((existing?.patterns ?? []).map((rule) => [patternKey(rule), rule]));
  const desiredPatternKeys = new Set(desiredPatterns.map(patternKey));
  const currentThresholds = existing ? thresholdsOf(existing) : noThresholdOverrides;

  const diff: TeamDiff = {
    name: desired.name,
    action: existing ? 'updated' : 'created',
    membersAdded: desiredMembers.filter((username) => !currentMembers.has(username)),
    membersRemoved: [...currentMembers].filter((username) => !desiredMembers.includes(username)),
    patternsAdded: desiredPatterns.filter((rule) => !currentPatterns.has(patternKey(rule))),
    patternsRemoved: [...currentPatterns.values()]
      .filter((rule) => !desiredPatternKeys.has(patternKey(rule)))
      .map(({ id, kind, pattern, clusterId }) => ({ id, kind, pattern, clusterId })),
    thresholds,
    thresholdsChanged: thresholdFieldNames
      .filter((field) => thresholds[field] !== currentThresholds[field])
      .map((field) => thresholdFields[field].jsonName),
  };
  const changed = diff.membersAdded.length + diff.membersRemoved.length + diff.patternsAdded.length
    + diff.patternsRemoved.length + diff.thresholdsChanged.length > 0;
  if (existing && !changed) diff.action = 'unchanged';
  return diff;
}
