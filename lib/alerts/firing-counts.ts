import 'server-only';
import { getDb } from '@/lib/db';

export interface FiringAlertFilter {
  clusterId?: string;
  groupId?: string;
  /** Any of these groups (a topic's consumers). */
  groupIds?: string[];
  stream?: string;
}

/** Firing alerts on one resource (or a whole cluster), for the badges on pages. */
/** The Alerts page filtered to what a badge counts. */
export function firingAlertsHref(filter: { clusterId?: string; groupId?: string; stream?: string }): string {
  const query = new URLSearchParams({ state: 'firing' });
  if (filter.clusterId) query.set('cluster_id', filter.clusterId);
  if (filter.groupId) query.set('group', filter.groupId);
  if (filter.stream) query.set('stream', filter.stream);
  return `/alerts?${query.toString()}`;
}

export async function countFiringAlerts(filter: FiringAlertFilter): Promise<number> {
  const db = await getDb();
  return db.alert.count({
    where: {
      state: 'firing',
      ...(filter.clusterId ? { clusterId: filter.clusterId } : {}),
      ...(filter.groupId ? { groupId: filter.groupId } : {}),
      ...(filter.groupIds ? { groupId: { in: filter.groupIds } } : {}),
      ...(filter.stream ? { stream: filter.stream } : {}),
    },
  });
}

/** Firing alerts per stream and group (key `stream\u0000group`), for the streams list. */
export async function firingStreamGroupAlertCounts(): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.alert.groupBy({ by: ['stream', 'groupId'], where: { state: 'firing', source: 'redis', stream: { not: null } }, _count: { _all: true } });
  return new Map(rows.map((row) => [`${row.stream ?? ''}\u0000${row.groupId ?? ''}`, row._count._all]));
}

/** Firing alerts per group of a cluster (or per stream for Redis), for list rows. */
export async function firingAlertCountsBy(field: 'groupId' | 'stream', clusterId: string | null): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.alert.groupBy({
    by: [field],
    where: { state: 'firing', ...(clusterId === null ? { source: 'redis' } : { clusterId }), [field]: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row[field] as string, row._count._all]));
}
