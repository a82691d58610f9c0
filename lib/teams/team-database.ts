import { getDb } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/create-client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { badRequest } from '@/lib/api/errors';

/** The app's client or an open transaction: team writes compose inside one transaction. */
export type TeamDatabase = DatabaseClient | Prisma.TransactionClient;

export interface DatabaseOption {
  /** Defaults to the app's client (lib/db.ts); scripts and tests may pass their own. */
  db?: DatabaseClient;
}

export async function databaseFrom(options: DatabaseOption): Promise<DatabaseClient> {
  return options.db ?? (await getDb());
}

// Imports of many teams run more statements than Prisma's 5 s default allows.
export const teamTransactionOptions = { timeout: 60_000, maxWait: 10_000 } as const;

/** User ids by username; every unknown username is reported at once, and nothing is written. */
export async function userIdsByUsername(db: TeamDatabase, usernames: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { username: { in: wanted } }, select: { id: true, username: true } });
  const byUsername = new Map(users.map((user) => [user.username, user.id]));
  const unknown = wanted.filter((username) => !byUsername.has(username));
  if (unknown.length > 0) {
    throw badRequest(`Unknown users: ${unknown.join(', ')}`, { unknown_users: unknown });
  }
  return byUsername;
}

/** Team names are unique; a clear 400 beats the database's unique-violation error. */
export async function assertTeamNameFree(db: TeamDatabase, name: string, exceptTeamId: string | null = null): Promise<void> {
  const existing = await db.team.findUnique({ where: { name }, select: { id: true } });
  if (existing && existing.id !== exceptTeamId) {
    throw badRequest(`A team named "${name}" already exists`);
  }
}
