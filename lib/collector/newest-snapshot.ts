import type { SqlClient } from '@/lib/history/sql-client';

/**
 * When each source's newest stored snapshot was taken (ms), or null before its first one.
 * Snapshots from before collection per source (`all`) count for every source, so a takeover right
 * after an upgrade also waits.
 */
export async function readNewestSnapshotMsBySource(sql: SqlClient): Promise<(source: string) => number | null> {
  const rows = await sql.$queryRawUnsafe<{ source: string; taken_at: Date }[]>(
    'SELECT "source", max("takenAt") AS taken_at FROM "HistorySnapshot" GROUP BY "source"',
  );
  const newest = new Map(rows.map((row) => [row.source, row.taken_at.getTime()]));
  const legacyMs = newest.get('all') ?? null;
  return (source) => {
    const ownMs = newest.get(source) ?? null;
    if (ownMs === null) return legacyMs;
    return legacyMs === null ? ownMs : Math.max(ownMs, legacyMs);
  };
}
