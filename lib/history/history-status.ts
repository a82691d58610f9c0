import type { SqlClient } from './sql-client';
import { isoTime } from './trend/series-shape';

interface LatestRow {
  id: number;
  taken_at_ms: number;
  duration_ms: number;
}

/** What an operator checks first: is the collector writing, how far back does history go, what failed. */
export async function readHistoryStatus(sql: SqlClient) {
  const [bounds] = await sql.$queryRawUnsafe<{ oldest_ms: number | null; snapshot_count: number; rolled_until_ms: number | null; oldest_rollup_ms: number | null }[]>(
    `SELECT (SELECT extract(epoch FROM min("takenAt")) * 1000 FROM "HistorySnapshot")::float8 AS oldest_ms,
       (SELECT count(*) FROM "HistorySnapshot")::int AS snapshot_count,
       (SELECT extract(epoch FROM "rolledUntil") * 1000 FROM "HistoryRollupWatermark" WHERE name = 'history')::float8 AS rolled_until_ms,
       (SELECT extract(epoch FROM min("bucketStart")) * 1000 FROM "HistoryGroupRollup")::float8 AS oldest_rollup_ms`,
  );
  const [latest] = await sql.$queryRawUnsafe<LatestRow[]>(
    `SELECT id, (extract(epoch FROM "takenAt") * 1000)::float8 AS taken_at_ms, "durationMs" AS duration_ms
     FROM "HistorySnapshot" ORDER BY "takenAt" DESC LIMIT 1`,
  );
  const errors = latest
    ? await sql.$queryRawUnsafe<{ source: string; message: string }[]>(
      'SELECT source, message FROM "HistorySourceError" WHERE "snapshotId" = $1 ORDER BY source',
      latest.id,
    )
    : [];
  const time = (timeMs: number | null | undefined) => (timeMs === null || timeMs === undefined ? null : isoTime(timeMs));
  return {
    latest_snapshot: latest ? { taken_at: isoTime(latest.taken_at_ms), duration_ms: latest.duration_ms, source_errors: errors } : null,
    raw: { oldest_snapshot_at: time(bounds?.oldest_ms), snapshot_count: bounds?.snapshot_count ?? 0 },
    rollups: { oldest_bucket_at: time(bounds?.oldest_rollup_ms), rolled_up_until: time(bounds?.rolled_until_ms) },
  };
}
