import { getConfig } from '@/lib/config';
import { databaseFrom, type DatabaseOption } from './team-database';
import { matchTeams, type TeamMatch } from './match-teams';
import type { ResourceKind } from './resource-kinds';
import { explainThresholds, type ResolvedThresholds } from './resolve-thresholds';
import { teamRecordSelect, toTeamRules } from './team-record';

/** The teams owning a resource, most specific pattern first. */
export async function teamsForResource(
  kind: ResourceKind,
  name: string,
  clusterId: string | null,
  options: DatabaseOption = {},
): Promise<TeamMatch[]> {
  const prisma = await databaseFrom(options);
  // Only teams with a pattern of this kind can match; the glob itself is checked in memory.
  const teams = await prisma.team.findMany({ where: { patterns: { some: { kind } } }, select: teamRecordSelect, orderBy: { name: 'asc' } });
  return matchTeams(teams.map(toTeamRules), { kind, name, clusterId });
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
