import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/create-client';
import { hashPassword, verifyPassword } from './password';
import type { Role } from './roles';

// Same rule as LAGBOARD_ADMIN_USER in lib/config-settings.ts.
export const usernameSchema = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 letters, digits or _.@-');
// The upper bound keeps a megabyte "password" from becoming a cheap way to burn CPU.
export const passwordSchema = z.string().min(4, 'must be at least 4 characters').max(1024, 'must be at most 1024 characters');

/** A user as the rest of the app sees it: never the password hash. */
export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface DatabaseOption {
  /** Defaults to the app's client (lib/db.ts); scripts and tests pass their own. */
  db?: DatabaseClient;
}

const publicUserFields = { id: true, username: true, role: true, createdAt: true, disabledAt: true } as const;

export async function createUser(
  input: { username: string; password: string; role?: Role },
  options: DatabaseOption = {},
): Promise<PublicUser> {
  const username = usernameSchema.parse(input.username);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  const prisma = options.db ?? (await getDb());
  return prisma.user.create({ data: { username, passwordHash, role: input.role ?? 'viewer' }, select: publicUserFields });
}

/** Creates the user, or sets the password (and the role, when given) of an existing one. */
export async function upsertUser(
  input: { username: string; password: string; role?: Role },
  options: DatabaseOption = {},
): Promise<{ user: PublicUser; created: boolean }> {
  const username = usernameSchema.parse(input.username);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  const prisma = options.db ?? (await getDb());
  const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (existing) {
    const user = await prisma.user.update({
      where: { id: existing.id },
      data: { passwordHash, ...(input.role ? { role: input.role } : {}) },
      select: publicUserFields,
    });
    return { user, created: false };
  }
  const user = await prisma.user.create({ data: { username, passwordHash, role: input.role ?? 'viewer' }, select: publicUserFields });
  return { user, created: true };
}

export async function findUserByUsername(username: string, options: DatabaseOption = {}): Promise<PublicUser | null> {
  const prisma = options.db ?? (await getDb());
  return prisma.user.findUnique({ where: { username }, select: publicUserFields });
}

export async function findUserById(id: string, options: DatabaseOption = {}): Promise<PublicUser | null> {
  const prisma = options.db ?? (await getDb());
  return prisma.user.findUnique({ where: { id }, select: publicUserFields });
}

// Verified when the user does not exist, so "no such user" takes as long as "wrong password".
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummyHash;
}

/** The active user with this username and password, or null (unknown, wrong password or disabled). */
export async function findUserByCredentials(
  username: string,
  password: string,
  options: DatabaseOption = {},
): Promise<PublicUser | null> {
  if (!usernameSchema.safeParse(username).success || !passwordSchema.safeParse(password).success) {
    return null;
  }
  const prisma = options.db ?? (await getDb());
  const user = await prisma.user.findUnique({ where: { username }, select: { ...publicUserFields, passwordHash: true } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !passwordMatches || user.disabledAt) {
    return null;
  }
  const { passwordHash: _passwordHash, ...publicUser } = user;
  return publicUser;
}
