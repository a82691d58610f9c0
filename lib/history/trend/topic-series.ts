import { bucketOrigin, intervalFromMs, type SqlClient } from '../sql-client';
import type { SeriesPlan } from './plan';
import { isoTime, statsOf, type Stats } from './series-shape';

export interface TopicSeriesPoint {
  time: string;
  samples: number;
  /** Lag of every consuming group on every partition of the topic, added up per snapshot. */
  total_lag: Stats;
  /** The largest partition lag of any consuming group. */
  max_lag: number | null;
  /** The topic's largest time lag (seconds) over its partitions and consuming groups. */
  lag_seconds_max: number | null;
  /** Sum of the partitions' log-end offsets (its slope is the produce rate), newest in the bucket. */
  log_end_offset_total: number | null;
  consumer_group_count: number;
}

type Row = Record<string, unknown> & {
  bucket_ms: number;
  samples: number;
  max_lag: number | null;
  lag_seconds_max: number | null;
  log_end_offset_total: number | null;
  consumer_group_count: number;
};

// Per snapshot first (partitions of all consuming groups), then per bucket. Only the groups that
// ever consumed the topic are read, through the primary key (groupRef, snapshotId, …).
const topicSql = `WITH per_partition AS (
    SELECT p."snapshotId" AS snapshot_id, p.partition, max(p."logEndOffset") AS log_end, sum(p.lag) AS lag_sum,
      max(p.lag) AS lag_max, max(p."lagSeconds") AS lag_seconds, count(DISTINCT p."groupRef") AS group_count
    FROM "HistoryPartitionPoint" p JOIN "HistorySnapshot" s ON s.id = p."snapshotId"
    WHERE p."topicRef" = $1 AND p."groupRef" IN (SELECT "groupRef" FROM "HistoryGroupTopic" WHERE "topicRef" = $1)
      AND s."takenAt" >= to_timestamp($3::float8 / 1000) AND s."takenAt" < to_timestamp($4::float8 / 1000)
    GROUP BY p."snapshotId", p.partition),
  per_snapshot AS (
    SELECT snapshot_id, sum(log_end) AS log_end_total, sum(lag_sum) AS total_lag, max(lag_max) AS max_lag,
      max(lag_seconds) AS lag_seconds_max, max(group_count) AS group_count
    FROM per_partition GROUP BY snapshot_id)
  SELECT (extract(epoch FROM date_bin(${intervalFromMs('$2')}, s."takenAt", ${bucketOrigin})) * 1000)::float8 AS bucket_ms, count(*)::int AS samples,
    min(total_lag)::float8 AS total_lag_min, avg(total_lag)::float8 AS total_lag_avg, max(total_lag)::float8 AS total_lag_max,
    max(max_lag)::float8 AS max_lag, max(lag_seconds_max)::float8 AS lag_seconds_max, max(log_end_total)::float8 AS log_end_offset_total,
    max(group_count)::int AS consumer_group_count
  FROM per_snapshot JOIN "HistorySnapshot" s ON s.id = per_snapshot.snapshot_id
  GROUP BY bucket_ms ORDER BY bucket_ms`;

/** A topic across its consuming groups: raw points only (kept for RETENTION_RAW). */
export async function readTopicSeries(sql: SqlClient, topicRef: number, plan: SeriesPlan): Promise<TopicSeriesPoint[]> {
  if (!plan.raw) return [];
  const rows = await sql.$queryRawUnsafe<Row[]>(topicSql, topicRef, plan.stepMs, plan.raw.fromMs, plan.raw.toMs);
  return rows.map((row) => ({
    time: isoTime(row.bucket_ms),
    samples: row.samples,
    total_lag: statsOf(row, 'total_lag'),
    max_lag: row.max_lag,
    lag_seconds_max: row.lag_seconds_max,
    log_end_offset_total: row.log_end_offset_total,
    consumer_group_count: row.consumer_group_count,
  }));
}
