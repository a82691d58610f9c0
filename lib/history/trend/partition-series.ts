import { bucketOrigin, intervalFromMs, type SqlClient } from '../sql-client';
import type { SeriesPlan } from './plan';
import { isoTime, statsOf, type Stats } from './series-shape';

export interface PartitionSeriesPoint {
  time: string;
  samples: number;
  lag: Stats;
  lag_seconds: Stats;
  /** The newest (largest) offsets seen in the bucket. */
  committed_offset: number | null;
  log_end_offset: number | null;
}

type Row = Record<string, unknown> & { bucket_ms: number; samples: number; committed_offset: number | null; log_end_offset: number | null };

/** One partition of one group: raw points only (partition detail is kept for RETENTION_RAW). */
export async function readPartitionSeries(sql: SqlClient, refs: { groupRef: number; topicRef: number; partition: number }, plan: SeriesPlan): Promise<PartitionSeriesPoint[]> {
  if (!plan.raw) return [];
  const rows = await sql.$queryRawUnsafe<Row[]>(
    `SELECT (extract(epoch FROM date_bin(${intervalFromMs('$4')}, s."takenAt", ${bucketOrigin})) * 1000)::float8 AS bucket_ms, count(*)::int AS samples,
       min(p.lag)::float8 AS lag_min, avg(p.lag)::float8 AS lag_avg, max(p.lag)::float8 AS lag_max,
       min(p."lagSeconds")::float8 AS lag_seconds_min, avg(p."lagSeconds")::float8 AS lag_seconds_avg, max(p."lagSeconds")::float8 AS lag_seconds_max,
       max(p."committedOffset")::float8 AS committed_offset, max(p."logEndOffset")::float8 AS log_end_offset
     FROM "HistoryPartitionPoint" p JOIN "HistorySnapshot" s ON s.id = p."snapshotId"
     WHERE p."groupRef" = $1 AND p."topicRef" = $2 AND p.partition = $3
       AND s."takenAt" >= to_timestamp($5::float8 / 1000) AND s."takenAt" < to_timestamp($6::float8 / 1000)
     GROUP BY bucket_ms ORDER BY bucket_ms`,
    refs.groupRef,
    refs.topicRef,
    refs.partition,
    plan.stepMs,
    plan.raw.fromMs,
    plan.raw.toMs,
  );
  return rows.map((row) => ({
    time: isoTime(row.bucket_ms),
    samples: row.samples,
    lag: statsOf(row, 'lag'),
    lag_seconds: statsOf(row, 'lag_seconds'),
    committed_offset: row.committed_offset,
    log_end_offset: row.log_end_offset,
  }));
}
