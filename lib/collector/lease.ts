import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlClient } from '@/lib/history/sql-client';

/** One collector instance, as the history status shows who collects what. */
export interface CollectorInstance {
  instanceId: string;
  host: string;
  pid: number;
}

// One id per process: a restarted process is a new instance, even with the same pid.
const processInstanceId = randomUUID();

export function currentInstance(): CollectorInstance {
  return { instanceId: processInstanceId, host: hostname(), pid: process.pid };
}

/**
 * Records, inside the source's snapshot transaction (after the fence), that this instance leads
 * the source: the row changes hands with the lock, so it never names a collector that cannot write.
 */
export async function renewLease(sql: SqlClient, lease: { source: string; instance: CollectorInstance; sinceMs: number; nowMs: number }): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryCollectorLease" (source, "instanceId", host, pid, since, "renewedAt")
     VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), to_timestamp($6::float8 / 1000))
     ON CONFLICT (source) DO UPDATE SET "instanceId" = excluded."instanceId", host = excluded.host, pid = excluded.pid,
       since = CASE WHEN "HistoryCollectorLease"."instanceId" = excluded."instanceId" THEN "HistoryCollectorLease".since ELSE excluded.since END,
       "renewedAt" = excluded."renewedAt"`,
    lease.source,
    lease.instance.instanceId,
    lease.instance.host,
    lease.instance.pid,
    lease.sinceMs,
    lease.nowMs,
  );
}
