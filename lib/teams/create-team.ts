import { uniquePatterns } from './diff-team';
import { assertTeamNameFree, databaseFrom, teamTransactionOptions, userIdsByUsername, type DatabaseOption, type TeamDatabase } from './team-database';
import { mergeThresholds, teamRecordSelect, type TeamRecord } from './team-record';
import type { CreateTeamBody } from './team-schemas';
import { noThresholdOverrides } from './team-thresholds';
import { rethrowNameConflict } from './name-conflict';

/** Inside an open transaction: creates the team with its members, patterns and thresholds. */
export async function insertTeam(db: TeamDatabase, body: CreateTeamBody): Promise<TeamRecord> {
  await assertTeamNameFree(db, body.name);
  const userIds = await userIdsByUsername(db, body.members);
  return db.team.create({
    data: {
      name: body.name,
      ...mergeThresholds(noThresholdOverrides, body.thresholds),
      patterns: { create: uniquePatterns(body.patterns) },
      memberships: { create: [...userIds.values()].map((userId) => ({ userId })) },
    },
    select: teamRecordSelect,
  }).catch(rethrowNameConflict(body.name));
}

export async function createTeam(body: CreateTeamBody, options: DatabaseOption = {}): Promise<TeamRecord> {
  const prisma = await databaseFrom(options);
  return prisma.$transaction((transaction) => insertTeam(transaction, body), teamTransactionOptions);
}
