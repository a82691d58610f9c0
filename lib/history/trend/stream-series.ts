import { bucketOrigin, intervalFromMs, type SqlClient } from '../sql-client';
import type { SeriesPlan } from './plan';
import { isoTime, statsOf, type Stats } from './series-shape';

export interface StreamGroupSeriesPoint {
  time: string;
  source: 'raw' | 'rollup';
  samples: number;
  /** Over the samples whose lag was known (Redis's or estimated). */
  lag: Stats;
  /** Samples in the bucket whose lag was unknown (Redis said nil and nothing was estimated). */
  lag_unknown_samples: number;
  /** Whether any lag in the bucket was an estimate; null for rollup buckets (not kept there). */
  lag_estimated: boolean | null;
  pending: Stats;
  length: Stats;
  consumer_count: Stats;
}

const bucketMs = (time: string) => `(extract(epoch FROM date_bin(${intervalFromMs('$2')}, ${time}, ${bucketOrigin})) * 1000)::float8`;

const rawSql = `SELECT ${bucketMs('p."takenAt"')} AS bucket_ms, count(*)::int AS samples, (count(*) - count(p.lag))::int AS lag_unknown_samples,
    bool_or(p."lagEstimated") AS lag_estimated,
    min(p.lag)::float8 AS lag_min, avg(p.lag)::float8 AS lag_avg, max(p.lag)::float8 AS lag_max,
    min(p.pending)::float8 AS pending_min, avg(p.pending)::float8 AS pending_avg, max(p.pending)::float8 AS pending_max,
    min(p.length)::float8 AS length_min, avg(p.length)::float8 AS length_avg, max(p.length)::float8 AS length_max,
    min(p."consumerCount")::float8 AS consumer_count_min, avg(p."consumerCount")::float8 AS consumer_count_avg, max(p."consumerCount")::float8 AS consumer_count_max
  FROM "HistoryStreamGroupSample" p
  WHERE p."streamGroupRef" = $1 AND p."takenAt" >= to_timestamp($3::float8 / 1000) AND p."takenAt" < to_timestamp($4::float8 / 1000)
  GROUP BY bucket_ms ORDER BY bucket_ms`;

const weighted = (average: string, count: string) => `(sum(${average}::float8 * ${count}) / nullif(sum(${count}), 0))::float8`;

const rollupSql = `SELECT ${bucketMs('"bucketStart"')} AS bucket_ms, sum("sampleCount")::int AS samples,
    sum("sampleCount" - "lagSamples")::int AS lag_unknown_samples, NULL::boolean AS lag_estimated,
    min("lagMin")::float8 AS lag_min, ${weighted('"lagAvg"', '"lagSamples"')} AS lag_avg, max("lagMax")::float8 AS lag_max,
    min("pendingMin")::float8 AS pending_min, ${weighted('"pendingAvg"', '"sampleCount"')} AS pending_avg, max("pendingMax")::float8 AS pending_max,
    min("lengthMin")::float8 AS length_min, ${weighted('"lengthAvg"', '"sampleCount"')} AS length_avg, max("lengthMax")::float8 AS length_max,
    min("consumerCountMin")::float8 AS consumer_count_min, ${weighted('"consumerCountAvg"', '"sampleCount"')} AS consumer_count_avg,
    max("consumerCountMax")::float8 AS consumer_count_max
  FROM "HistoryStreamGroupRollup"
  WHERE "streamGroupRef" = $1 AND "bucketStart" >= to_timestamp($3::float8 / 1000) AND "bucketStart" < to_timestamp($4::float8 / 1000)
  GROUP BY bucket_ms ORDER BY bucket_ms`;

type Row = Record<string, unknown> & { bucket_ms: number; samples: number; lag_unknown_samples: number; lag_estimated: boolean | null };

function toPoint(row: Row, source: StreamGroupSeriesPoint['source']): StreamGroupSeriesPoint {
  return {
    time: isoTime(row.bucket_ms),
    source,
    samples: row.samples,
    lag: statsOf(row, 'lag'),
    lag_unknown_samples: row.lag_unknown_samples,
    lag_estimated: row.lag_estimated,
    pending: statsOf(row, 'pending'),
    length: statsOf(row, 'length'),
    consumer_count: statsOf(row, 'consumer_count'),
  };
}

export async function readStreamGroupSeries(sql: SqlClient, streamGroupRef: number, plan: SeriesPlan): Promise<StreamGroupSeriesPoint[]> {
  const rollupRows = plan.rollup ? await sql.$queryRawUnsafe<Row[]>(rollupSql, streamGroupRef, plan.stepMs, plan.rollup.fromMs, plan.rollup.toMs) : [];
  const rawRows = plan.raw ? await sql.$queryRawUnsafe<Row[]>(rawSql, streamGroupRef, plan.stepMs, plan.raw.fromMs, plan.raw.toMs) : [];
  return [...rollupRows.map((row) => toPoint(row, 'rollup')), ...rawRows.map((row) => toPoint(row, 'raw'))];
}
