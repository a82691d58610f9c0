import { getConfig } from '@/lib/config';
import { readWithOutageFallback } from '@/lib/database-outage/outage-fallback';
import { databaseFrom, type DatabaseOption } from './team-database';
import { createTeamMatcher, matchTeams, type TeamMatch, type TeamRules } from './match-teams';
import type { ResourceKind } from './resource-kinds';
import { explainThresholds, resolveThresholds, type ResolvedThresholds } from './resolve-thresholds';
import type { GlobalThresholds } from './team-thresholds';
import { teamRecordSelect, toTeamRules } from './team-record';

/** The teams owning a resource, most specific pattern first. */
export async function teamsForResource(
  kind: ResourceKind,
  name: string,
  clusterId: string | null,
  options: DatabaseOption = {},
): Promise<TeamMatch[]> {
  return matchTeams(await teamRulesOfKind(kind, options), { kind, name, clusterId });
}

/** The teams that own some resource of this kind, by name: one query, the globs are matched in memory. */
export async function teamRulesOfKind(kind: ResourceKind, options: DatabaseOption = {}): Promise<TeamRules[]> {
  // The last rules read serve a database outage, so live lists keep their owners and thresholds.
  return readWithOutageFallback(`team-rules:${kind}`, async () => {
    const prisma = await databaseFrom(options);
    const teams = await prisma.team.findMany({ where: { patterns: { some: { kind } } }, select: teamRecordSelect, orderBy: { name: 'asc' } });
    return teams.map(toTeamRules);
  });
}

export interface ResourceOwnership {
  teamNames: string[];
  thresholds: GlobalThresholds;
}

/**
 * For lists of thousands of resources: the teams are read once, then each resource's owners and
 * thresholds are resolved in memory, as teamsForResource and thresholdsForResource would.
 */
export async function ownershipResolver(kind: ResourceKind, clusterId: string | null, options: DatabaseOption = {}): Promise<(name: string) => ResourceOwnership> {
  return ownershipResolverFromRules(kind, clusterId, await teamRulesOfKind(kind, options));
}

/** As ownershipResolver, with the teams already read (teamRulesOfKind). */
export function ownershipResolverFromRules(kind: ResourceKind, clusterId: string | null, rules: TeamRules[]): (name: string) => ResourceOwnership {
  const match = createTeamMatcher(rules);
  const global = getConfig().thresholds;
  return (name) => {
    const matches = match({ kind, name, clusterId });
    return { teamNames: matches.map((match) => match.team.name).sort(), thresholds: resolveThresholds(global, matches) };
  };
}

/** The thresholds that apply to one resource, and which team set each (resolve-thresholds.ts). */
export async function thresholdsForResource(
  kind: ResourceKind,
  name: string,
  clusterId: string | null,
  options: DatabaseOption = {},
): Promise<ResolvedThresholds> {
  return explainThresholds(getConfig().thresholds, await teamsForResource(kind, name, clusterId, options));
}
