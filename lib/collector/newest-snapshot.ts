import type { SqlClient } from '@/lib/history/sql-client';

/** When the newest stored snapshot was taken (ms), or null before the first one. */
export async function readNewestSnapshotMs(sql: SqlClient): Promise<number | null> {
  const [row] = await sql.$queryRawUnsafe<{ taken_at: Date | null }[]>('SELECT max("takenAt") AS taken_at FROM "HistorySnapshot"');
  return row?.taken_at ? row.taken_at.getTime() : null;
}
