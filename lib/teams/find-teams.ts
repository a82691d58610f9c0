import { databaseFrom, type DatabaseOption } from './team-database';
import { teamRecordSelect, type TeamRecord } from './team-record';

/** Every team, or only those `memberUserId` belongs to; by name. */
export async function listTeams(filter: { memberUserId?: string } = {}, options: DatabaseOption = {}): Promise<TeamRecord[]> {
  const prisma = await databaseFrom(options);
  return prisma.team.findMany({
    where: filter.memberUserId ? { memberships: { some: { userId: filter.memberUserId } } } : {},
    orderBy: { name: 'asc' },
    select: teamRecordSelect,
  });
}

export async function findTeam(teamId: string, options: DatabaseOption = {}): Promise<TeamRecord | null> {
  const prisma = await databaseFrom(options);
  return prisma.team.findUnique({ where: { id: teamId }, select: teamRecordSelect });
}

/** False when there was no such team. Patterns and memberships go with it (cascade). */
export async function deleteTeam(teamId: string, options: DatabaseOption = {}): Promise<boolean> {
  const prisma = await databaseFrom(options);
  const { count } = await prisma.team.deleteMany({ where: { id: teamId } });
  return count > 0;
}
