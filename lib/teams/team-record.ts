import type { ResourceKind } from './resource-kinds';
import type { TeamRules } from './match-teams';
import { thresholdFieldNames, thresholdFields, type TeamThresholds } from './team-thresholds';
import type { TeamThresholdsInput } from './team-schemas';

/** A team as read from the database with its patterns and members (see teamRecordSelect). */
export interface TeamRecord extends TeamThresholds {
  id: string;
  name: string;
  createdAt: Date;
  patterns: Array<{ id: string; kind: ResourceKind; pattern: string; clusterId: string | null }>;
  memberships: Array<{ user: { id: string; username: string } }>;
}

export const teamRecordSelect = {
  id: true,
  name: true,
  createdAt: true,
  sloThresholdP95Lag: true,
  sloComplianceMin: true,
  fairnessGiniMax: true,
  rebalanceScoreMin: true,
  streamLagDegraded: true,
  streamLagUnhealthy: true,
  patterns: { select: { id: true, kind: true, pattern: true, clusterId: true }, orderBy: { pattern: 'asc' } },
  memberships: { select: { user: { select: { id: true, username: true } } }, orderBy: { user: { username: 'asc' } } },
} as const;

export function thresholdsOf(record: TeamThresholds): TeamThresholds {
  return Object.fromEntries(thresholdFieldNames.map((field) => [field, record[field]])) as TeamThresholds;
}

/** Applies the fields present in `input` (null clears one) on top of `base`. */
export function mergeThresholds(base: TeamThresholds, input: TeamThresholdsInput): TeamThresholds {
  const merged = { ...base };
  for (const field of thresholdFieldNames) {
    const value = input[thresholdFields[field].jsonName];
    if (value !== undefined) merged[field] = value;
  }
  return merged;
}

export function thresholdsToJson(thresholds: TeamThresholds) {
  return Object.fromEntries(thresholdFieldNames.map((field) => [thresholdFields[field].jsonName, thresholds[field]])) as {
    [Field in keyof typeof thresholdFields as (typeof thresholdFields)[Field]['jsonName']]: number | null;
  };
}

export function toTeamRules(record: TeamRecord): TeamRules {
  return {
    id: record.id,
    name: record.name,
    patterns: record.patterns.map(({ kind, pattern, clusterId }) => ({ kind, pattern, clusterId })),
    thresholds: thresholdsOf(record),
  };
}

/** The API's view of a team. */
export function toTeamJson(record: TeamRecord) {
  return {
    id: record.id,
    name: record.name,
    created_at: record.createdAt.toISOString(),
    members: record.memberships.map(({ user }) => ({ user_id: user.id, username: user.username })),
    patterns: record.patterns.map((rule) => ({ id: rule.id, kind: rule.kind, pattern: rule.pattern, cluster_id: rule.clusterId })),
    thresholds: thresholdsToJson(thresholdsOf(record)),
  };
}

export type TeamJson = ReturnType<typeof toTeamJson>;

/** Identity of a pattern inside a team: the same text for another kind or cluster is another rule. */
export function patternKey(rule: { kind: ResourceKind; pattern: string; clusterId: string | null }): string {
  return `${rule.kind}\u0000${rule.clusterId ?? ''}\u0000${rule.pattern}`;
}
