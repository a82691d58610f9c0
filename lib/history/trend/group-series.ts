import { bucketOrigin, intervalFromMs, type SqlClient } from '../sql-client';
import type { SeriesPlan } from './plan';
import { isoTime, statsOf, type Stats } from './series-shape';

export interface GroupSeriesPoint {
  time: string;
  source: 'raw' | 'rollup';
  samples: number;
  total_lag: Stats;
  max_lag: Stats;
  /** The group's largest partition time lag (seconds). */
  lag_seconds: Stats;
  member_count: Stats;
}

const bucketMs = `(extract(epoch FROM date_bin(${intervalFromMs('$2')}, %TIME%, ${bucketOrigin})) * 1000)::float8`;

// Downsampled in the database: one row per bucket, whatever the number of snapshots in it.
const rawSql = `SELECT ${bucketMs.replace('%TIME%', 'g."takenAt"')} AS bucket_ms, count(*)::int AS samples,
    min(g."totalLag")::float8 AS total_lag_min, avg(g."totalLag")::float8 AS total_lag_avg, max(g."totalLag")::float8 AS total_lag_max,
    min(g."lagMax")::float8 AS max_lag_min, avg(g."lagMax")::float8 AS max_lag_avg, max(g."lagMax")::float8 AS max_lag_max,
    min(g."lagSecondsMax")::float8 AS lag_seconds_min, avg(g."lagSecondsMax")::float8 AS lag_seconds_avg, max(g."lagSecondsMax")::float8 AS lag_seconds_max,
    min(g."memberCount")::float8 AS member_count_min, avg(g."memberCount")::float8 AS member_count_avg, max(g."memberCount")::float8 AS member_count_max
  FROM "HistoryGroupSample" g
  WHERE g."groupRef" = $1 AND g."takenAt" >= to_timestamp($3::float8 / 1000) AND g."takenAt" < to_timestamp($4::float8 / 1000)
  GROUP BY bucket_ms ORDER BY bucket_ms`;

// Rollups combine exactly: min of mins, max of maxes, averages weighted by their sample counts.
const rollupSql = `SELECT ${bucketMs.replace('%TIME%', '"bucketStart"')} AS bucket_ms, sum("sampleCount")::int AS samples,
    min("totalLagMin")::float8 AS total_lag_min, (sum("totalLagAvg" * "sampleCount") / sum("sampleCount"))::float8 AS total_lag_avg, max("totalLagMax")::float8 AS total_lag_max,
    min("maxLagMin")::float8 AS max_lag_min, (sum("maxLagAvg" * "sampleCount") / sum("sampleCount"))::float8 AS max_lag_avg, max("maxLagMax")::float8 AS max_lag_max,
    min("lagSecondsMin")::float8 AS lag_seconds_min,
    (sum("lagSecondsAvg"::float8 * "lagSecondsSamples") / nullif(sum("lagSecondsSamples"), 0))::float8 AS lag_seconds_avg,
    max("lagSecondsMax")::float8 AS lag_seconds_max,
    min("memberCountMin")::float8 AS member_count_min, (sum("memberCountAvg"::float8 * "sampleCount") / sum("sampleCount"))::float8 AS member_count_avg,
    max("memberCountMax")::float8 AS member_count_max
  FROM "HistoryGroupRollup"
  WHERE "groupRef" = $1 AND "bucketStart" >= to_timestamp($3::float8 / 1000) AND "bucketStart" < to_timestamp($4::float8 / 1000)
  GROUP BY bucket_ms ORDER BY bucket_ms`;

type SeriesRow = Record<string, unknown> & { bucket_ms: number; samples: number };

function toPoint(row: SeriesRow, source: GroupSeriesPoint['source']): GroupSeriesPoint {
  return {
    time: isoTime(row.bucket_ms),
    source,
    samples: row.samples,
    total_lag: statsOf(row, 'total_lag'),
    max_lag: statsOf(row, 'max_lag'),
    lag_seconds: statsOf(row, 'lag_seconds'),
    member_count: statsOf(row, 'member_count'),
  };
}

/** A group's series over the plan: rollup buckets first, then raw buckets, oldest first. */
export async function readGroupSeries(sql: SqlClient, groupRef: number, plan: SeriesPlan): Promise<GroupSeriesPoint[]> {
  const rollupRows = plan.rollup ? await sql.$queryRawUnsafe<SeriesRow[]>(rollupSql, groupRef, plan.stepMs, plan.rollup.fromMs, plan.rollup.toMs) : [];
  const rawRows = plan.raw ? await sql.$queryRawUnsafe<SeriesRow[]>(rawSql, groupRef, plan.stepMs, plan.raw.fromMs, plan.raw.toMs) : [];
  return [...rollupRows.map((row) => toPoint(row, 'rollup')), ...rawRows.map((row) => toPoint(row, 'raw'))];
}

/** The same series without downsampling: every raw point (the benchmark's baseline). */
export async function readGroupRawPoints(sql: SqlClient, groupRef: number, fromMs: number, toMs: number): Promise<{ time_ms: number; total_lag: number }[]> {
  return sql.$queryRawUnsafe(
    `SELECT (extract(epoch FROM g."takenAt") * 1000)::float8 AS time_ms, g."totalLag"::float8 AS total_lag, g."lagMax"::float8 AS max_lag,
       g."lagSecondsMax"::float8 AS lag_seconds, g."memberCount" AS member_count, g.state
     FROM "HistoryGroupSample" g
     WHERE g."groupRef" = $1 AND g."takenAt" >= to_timestamp($2::float8 / 1000) AND g."takenAt" < to_timestamp($3::float8 / 1000)
     ORDER BY g."takenAt"`,
    groupRef,
    fromMs,
    toMs,
  );
}
