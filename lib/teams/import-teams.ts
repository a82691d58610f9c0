import { insertTeam } from './create-team';
import { diffTeam, type PatternRule, type TeamDiff } from './diff-team';
import { databaseFrom, teamTransactionOptions, userIdsByUsername, type DatabaseOption, type TeamDatabase } from './team-database';
import type { TeamFile } from './team-file';
import { teamRecordSelect, type TeamRecord } from './team-record';

const patternJson = (rule: PatternRule) => ({ kind: rule.kind, pattern: rule.pattern, cluster_id: rule.clusterId });

function diffJson(diff: TeamDiff) {
  return {
    name: diff.name,
    action: diff.action,
    members_added: diff.membersAdded,
    members_removed: diff.membersRemoved,
    patterns_added: diff.patternsAdded.map(patternJson),
    patterns_removed: diff.patternsRemoved.map(patternJson),
    thresholds_changed: diff.thresholdsChanged,
  };
}

export interface ImportReport {
  dry_run: boolean;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  teams: Array<ReturnType<typeof diffJson>>;
  deleted_teams: string[];
}

async function applyDiff(db: TeamDatabase, existing: TeamRecord, diff: TeamDiff, userIds: Map<string, string>): Promise<void> {
  const teamId = existing.id;
  await db.team.update({ where: { id: teamId }, data: diff.thresholds });
  if (diff.patternsRemoved.length > 0) {
    await db.teamPattern.deleteMany({ where: { teamId, id: { in: diff.patternsRemoved.map((rule) => rule.id) } } });
  }
  if (diff.patternsAdded.length > 0) {
    await db.teamPattern.createMany({ data: diff.patternsAdded.map((rule) => ({ ...rule, teamId })) });
  }
  const removedUserIds = existing.memberships.filter(({ user }) => diff.membersRemoved.includes(user.username)).map(({ user }) => user.id);
  if (removedUserIds.length > 0) {
    await db.membership.deleteMany({ where: { teamId, userId: { in: removedUserIds } } });
  }
  if (diff.membersAdded.length > 0) {
    await db.membership.createMany({ data: diff.membersAdded.map((username) => ({ teamId, userId: userIds.get(username) as string })) });
  }
}

async function runImport(db: TeamDatabase, file: TeamFile, options: { prune: boolean; dryRun: boolean }): Promise<ImportReport> {
  // Unknown usernames anywhere in the file fail the whole import before anything is written.
  const userIds = await userIdsByUsername(db, file.teams.flatMap((team) => team.members));
  const existingTeams = await db.team.findMany({ select: teamRecordSelect });
  const existingByName = new Map(existingTeams.map((team) => [team.name, team]));
  const diffs: TeamDiff[] = [];
  for (const desired of file.teams) {
    const existing = existingByName.get(desired.name) ?? null;
    const diff = diffTeam(existing, desired);
    diffs.push(diff);
    if (options.dryRun || diff.action === 'unchanged') continue;
    if (existing) await applyDiff(db, existing, diff, userIds);
    else await insertTeam(db, desired);
  }
  const fileNames = new Set(file.teams.map((team) => team.name));
  const toDelete = options.prune ? existingTeams.filter((team) => !fileNames.has(team.name)) : [];
  if (!options.dryRun && toDelete.length > 0) {
    await db.team.deleteMany({ where: { id: { in: toDelete.map((team) => team.id) } } });
  }
  const count = (action: TeamDiff['action']) => diffs.filter((diff) => diff.action === action).length;
  return {
    dry_run: options.dryRun,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    deleted: toDelete.length,
    teams: diffs.map(diffJson),
    deleted_teams: toDelete.map((team) => team.name).sort(),
  };
}

/**
 * Applies an import file in one transaction: any error (an unknown user, a name clash) leaves
 * every team as it was. With `prune`, teams the file does not list are deleted; with `dryRun`,
 * the report says what would change and nothing is written.
 */
export async function importTeams(
  file: TeamFile,
  options: DatabaseOption & { prune?: boolean; dryRun?: boolean } = {},
): Promise<ImportReport> {
  const prisma = await databaseFrom(options);
  const settings = { prune: options.prune ?? false, dryRun: options.dryRun ?? false };
  return prisma.$transaction((transaction) => runImport(transaction, file, settings), teamTransactionOptions);
}
