import { listTeams } from './find-teams';
import type { DatabaseOption } from './team-database';
import type { TeamFile } from './team-file';
import { thresholdsOf, thresholdsToJson } from './team-record';

/** Every team in the import file's format, so an export can be edited and imported again. */
export async function exportTeams(options: DatabaseOption = {}): Promise<TeamFile> {
  const teams = await listTeams({}, options);
  return {
    teams: teams.map((team) => ({
      name: team.name,
      members: team.memberships.map(({ user }) => user.username),
      patterns: team.patterns.map((rule) => ({ kind: rule.kind, pattern: rule.pattern, cluster_id: rule.clusterId })),
      thresholds: thresholdsToJson(thresholdsOf(team)),
    })),
  };
}
