import { badRequest, notFound } from '@/lib/api/errors';
import { uniquePatterns } from './diff-team';
import { rethrowNameConflict } from './name-conflict';
import { assertTeamNameFree, databaseFrom, teamTransactionOptions, userIdsByUsername, type DatabaseOption, type TeamDatabase } from './team-database';
import { mergeThresholds, patternKey, teamRecordSelect, thresholdsOf, type TeamRecord } from './team-record';
import type { UpdateTeamBody } from './team-schemas';

async function applyUpdate(db: TeamDatabase, teamId: string, body: UpdateTeamBody): Promise<TeamRecord> {
  const existing = await db.team.findUnique({ where: { id: teamId }, select: teamRecordSelect });
  if (!existing) throw notFound(`No team "${teamId}"`);
  if (body.name !== undefined && body.name !== existing.name) await assertTeamNameFree(db, body.name, teamId);

  const thresholds = mergeThresholds(thresholdsOf(existing), body.thresholds ?? {});
  if (thresholds.streamLagDegraded !== null && thresholds.streamLagUnhealthy !== null
    && thresholds.streamLagDegraded > thresholds.streamLagUnhealthy) {
    throw badRequest('stream_lag_degraded must not exceed stream_lag_unhealthy');
  }

  // Adding what is there and removing what is not are no-ops, so a retried request is harmless.
  const removedPatternIds = new Set(body.patterns?.remove ?? []);
  const currentKeys = new Set(existing.patterns.filter((rule) => !removedPatternIds.has(rule.id)).map(patternKey));
  const patternsToAdd = uniquePatterns(body.patterns?.add ?? []).filter((rule) => !currentKeys.has(patternKey(rule)));
  const currentMemberIds = new Set(existing.memberships.map(({ user }) => user.id));
  const memberIdsToAdd = [...(await userIdsByUsername(db, body.members?.add ?? [])).values()]
    .filter((userId) => !currentMemberIds.has(userId));
  const usernamesToRemove = body.members?.remove ?? [];

  await db.team.update({ where: { id: teamId }, data: { name: body.name ?? existing.name, ...thresholds } })
    .catch(rethrowNameConflict(body.name ?? existing.name));
  if (body.patterns?.remove.length) {
    await db.teamPattern.deleteMany({ where: { teamId, id: { in: body.patterns.remove } } });
  }
  if (patternsToAdd.length > 0) {
    await db.teamPattern.createMany({ data: patternsToAdd.map((rule) => ({ ...rule, teamId })) });
  }
  if (usernamesToRemove.length > 0) {
    await db.membership.deleteMany({ where: { teamId, user: { username: { in: usernamesToRemove } } } });
  }
  if (memberIdsToAdd.length > 0) {
    await db.membership.createMany({ data: memberIdsToAdd.map((userId) => ({ userId, teamId })) });
  }
  return db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamRecordSelect });
}

/** Renames, changes thresholds, adds/removes patterns and members: all or nothing. */
export async function updateTeam(teamId: string, body: UpdateTeamBody, options: DatabaseOption = {}): Promise<TeamRecord> {
  const prisma = await databaseFrom(options);
  return prisma.$transaction((transaction) => applyUpdate(transaction, teamId, body), teamTransactionOptions);
}
