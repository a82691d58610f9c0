import 'server-only';
import type { Principal } from '@/lib/auth/principal';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionName } from './action-names';
import type { AuditEntryJson, AuditOutcome, AuditQuery } from './api-schemas';

export interface AuditTarget {
  source: 'kafka' | 'redis';
  clusterId?: string | null;
  groupId?: string | null;
  topic?: string | null;
  stream?: string | null;
}

export interface AuditRecord extends AuditTarget {
  principal: Principal;
  action: ActionName;
  outcome: AuditOutcome;
  status: number;
  message?: string | null;
  parameters: unknown;
  before?: unknown;
  after?: unknown;
}

const asJson = (value: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;

/** Writes one entry and returns its id. */
export async function writeAuditEntry(record: AuditRecord): Promise<string> {
  const prisma = await getDb();
  const entry = await prisma.auditEntry.create({
    data: {
      actorUsername: record.principal.username,
      actorUserId: record.principal.userId,
      actorRole: record.principal.role,
      actorVia: record.principal.via,
      action: record.action,
      source: record.source,
      clusterId: record.clusterId ?? null,
      groupId: record.groupId ?? null,
      topic: record.topic ?? null,
      stream: record.stream ?? null,
      outcome: record.outcome,
      status: record.status,
      message: record.message ?? null,
      parameters: asJson(record.parameters),
      ...(record.before === undefined ? {} : { before: asJson(record.before) }),
      ...(record.after === undefined ? {} : { after: asJson(record.after) }),
    },
    select: { id: true },
  });
  return entry.id;
}

type StoredEntry = Awaited<ReturnType<Awaited<ReturnType<typeof getDb>>['auditEntry']['findMany']>>[number];

export function auditEntryJson(entry: StoredEntry): AuditEntryJson {
  return {
    id: entry.id,
    created_at: entry.createdAt.toISOString(),
    actor: { username: entry.actorUsername, role: entry.actorRole, via: entry.actorVia },
    action: entry.action,
    source: entry.source === 'redis' ? 'redis' : 'kafka',
    cluster_id: entry.clusterId,
    group_id: entry.groupId,
    topic: entry.topic,
    stream: entry.stream,
    outcome: entry.outcome === 'refused' ? 'refused' : entry.outcome === 'failed' ? 'failed' : 'succeeded',
    status: entry.status,
    message: entry.message,
    parameters: entry.parameters,
    before: entry.before,
    after: entry.after,
  };
}

/** Newest first, filtered as the query asks; `scanLimit` rows at most are read before any scope filter. */
export async function readAuditEntries(query: AuditQuery, scanLimit: number): Promise<StoredEntry[]> {
  const prisma = await getDb();
  return prisma.auditEntry.findMany({
    where: {
      ...(query.cluster ? { clusterId: query.cluster } : {}),
      ...(query.group ? { groupId: query.group } : {}),
      ...(query.stream ? { stream: query.stream } : {}),
      ...(query.actor ? { actorUsername: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: new Date(query.to) } : {}) } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: scanLimit,
  });
}
