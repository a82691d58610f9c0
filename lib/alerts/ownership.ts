import type { DatabaseClient } from '@/lib/db/create-client';
import { createTeamMatcher } from '@/lib/teams/match-teams';
import { explainThresholds } from '@/lib/teams/resolve-thresholds';
import { teamRulesOfKind } from '@/lib/teams/teams-for-resource';
import type { GlobalThresholds, ThresholdField } from '@/lib/teams/team-thresholds';
import type { OwnershipLookup, ResourceOwnership } from './rule-context';

/**
 * Owners and thresholds of every resource of one evaluation, as the pages resolve them
 * (lib/teams): the teams are read once per kind, the patterns matched in memory.
 */
export async function loadOwnershipLookup(db: DatabaseClient, global: GlobalThresholds): Promise<OwnershipLookup> {
  const [groupTeams, streamTeams] = await Promise.all([teamRulesOfKind('kafka_group', { db }), teamRulesOfKind('redis_stream', { db })]);
  const matchers = { kafka_group: createTeamMatcher(groupTeams), redis_stream: createTeamMatcher(streamTeams) };
  return (kind, name, clusterId): ResourceOwnership => {
    const matches = matchers[kind]({ kind, name, clusterId });
    const { thresholds, sources } = explainThresholds(global, matches);
    const teamFields = new Set((Object.keys(sources) as ThresholdField[]).filter((field) => sources[field].teamId !== null));
    return { teamIds: matches.map((match) => match.team.id), thresholds, teamFields };
  };
}
