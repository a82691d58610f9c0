import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { DatabaseOption } from './users';
import type { Role } from './roles';

/**
 * API tokens for scripts and Prometheus: `lgb_` + 32 random bytes (base64url). Only the
 * SHA-256 of a token is stored. A slow hash would add nothing: the token has 256 bits of
 * entropy, so there is no dictionary to try, and every API request has to hash it.
 */

const tokenPrefix = 'lgb_';
const tokenPattern = /^lgb_[A-Za-z0-9_-]{43}$/;
/** Characters kept in clear so a user can tell their tokens apart. */
const displayPrefixLength = tokenPrefix.length + 8;
/** lastUsedAt is written at most this often per token, not on every request. */
const lastUsedResolutionMs = 60_000;

/** What may be shown about a token: never its hash. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export interface VerifiedApiToken {
  user: { id: string; username: string; role: Role };
  tokenId: string;
}

const recordFields = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  expiresAt: true,
} as const;

export const tokenNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Returns the plain token: this is the only time it exists outside the caller's hands. */
export async function createApiToken(
  userId: string,
  name: string,
  options: DatabaseOption & { expiresAt?: Date | null } = {},
): Promise<{ token: string; record: ApiTokenRecord }> {
  const prisma = options.db ?? (await getDb());
  const token = tokenPrefix + randomBytes(32).toString('base64url');
  const record = await prisma.apiToken.create({
    data: {
      userId,
      name: tokenNameSchema.parse(name),
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, displayPrefixLength),
      expiresAt: options.expiresAt ?? null,
    },
    select: recordFields,
  });
  return { token, record };
}

/** The token's user, or null when the token is unknown, revoked, expired, or its user is disabled. */
export async function verifyApiToken(
  token: string,
  options: DatabaseOption & { now?: Date } = {},
): Promise<VerifiedApiToken | null> {
  if (!tokenPattern.test(token)) {
    return null;
  }
  const prisma = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, username: true, role: true, disabledAt: true } },
    },
  });
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.user.disabledAt) {
    return null;
  }
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    // Conditional, so a burst of requests with one token writes once.
    const staleBefore = new Date(now.getTime() - lastUsedResolutionMs);
    await prisma.apiToken.updateMany({
      where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  const { id, username, role } = found.user;
  return { user: { id, username, role }, tokenId: found.id };
}

/**
 * Revokes an active token. With a userId, only that user's token (a user revoking their own);
 * with null, anyone's (an admin). False when there is no such active token.
 */
export async function revokeApiToken(
  tokenId: string,
  userId: string | null = null,
  options: DatabaseOption = {},
): Promise<boolean> {
  const prisma = options.db ?? (await getDb());
  const { count } = await prisma.apiToken.updateMany({
    where: { id: tokenId, revokedAt: null, ...(userId === null ? {} : { userId }) },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** A user's tokens, newest first, revoked ones included (they show as revoked). */
export async function listApiTokens(userId: string, options: DatabaseOption = {}): Promise<ApiTokenRecord[]> {
  const prisma = options.db ?? (await getDb());
  return prisma.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: recordFields });
}
