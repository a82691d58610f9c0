import { badRequest } from '@/lib/api/errors';
import { getAuthSecret } from '@/lib/auth/secret';
import { getDb } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/create-client';
import { defaultExpiryDays, type ChartBinding } from './chart-binding';
import { shareLinkSelect, type ShareLinkRecord } from './share-link-record';
import { createShareToken, hashShareToken } from './share-token';

/** Bounds the rows one account can create; nobody needs more live links than this. */
export const maximumActiveLinksPerUser = 500;
const dayMs = 86_400_000;

interface DatabaseOption {
  db?: DatabaseClient;
}

/** Returns the token once: only its hash is stored. */
export async function createShareLink(
  input: { binding: ChartBinding; createdById: string; expiresInDays?: number; now?: Date },
  options: DatabaseOption = {},
): Promise<{ token: string; record: ShareLinkRecord }> {
  const prisma = options.db ?? (await getDb());
  const now = input.now ?? new Date();
  const activeCount = await prisma.shareLink.count({ where: { createdById: input.createdById, revokedAt: null, expiresAt: { gt: now } } });
  if (activeCount >= maximumActiveLinksPerUser) {
    throw badRequest(`You have ${activeCount} active share links; revoke some first`);
  }
  const token = createShareToken(getAuthSecret());
  const { binding } = input;
  const record = await prisma.shareLink.create({
    data: {
      tokenHash: hashShareToken(token),
      createdById: input.createdById,
      chartKind: binding.kind,
      clusterId: binding.cluster_id,
      resourceName: binding.name,
      streamGroup: binding.group,
      range: binding.range,
      series: binding.series,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.expiresInDays ?? defaultExpiryDays) * dayMs),
    },
    select: shareLinkSelect,
  });
  return { token, record };
}

/** Newest first. With a creator id, only theirs (a user's own list); with null, everyone's (admins). */
export async function listShareLinks(createdById: string | null, options: DatabaseOption = {}): Promise<ShareLinkRecord[]> {
  const prisma = options.db ?? (await getDb());
  return prisma.shareLink.findMany({
    where: createdById === null ? {} : { createdById },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: shareLinkSelect,
    take: 2_000,
  });
}

/** Revokes a link that is not revoked yet: the creator's own, or anyone's when createdById is null. */
export async function revokeShareLink(linkId: string, createdById: string | null, options: DatabaseOption = {}): Promise<boolean> {
  const prisma = options.db ?? (await getDb());
  const { count } = await prisma.shareLink.updateMany({
    where: { id: linkId, revokedAt: null, ...(createdById === null ? {} : { createdById }) },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

export async function findShareLinkByHash(tokenHash: string, options: DatabaseOption = {}): Promise<ShareLinkRecord | null> {
  const prisma = options.db ?? (await getDb());
  return prisma.shareLink.findUnique({ where: { tokenHash }, select: shareLinkSelect });
}
