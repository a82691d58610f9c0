import type { SqlClient } from '../sql-client';
import { bucketOrigin, intervalFromMs } from '../sql-client';
import type { TimeRange } from './plan';

/**
 * The overview's trends from raw snapshots: per bucket, one cluster's total lag (sum over its
 * groups, averaged over the bucket's snapshots) and worst lag in time, or Redis's total stream
 * lag. Rows come per resource and bucket, so the caller keeps only what the viewer may see
 * before summing: a total never includes another team's groups.
 */
export interface ResourceBucketRow {
  name: string;
  bucket_ms: number;
  lag: number | null;
  lag_seconds: number | null;
}

export async function readClusterBuckets(sql: SqlClient, clusterId: string, range: TimeRange, stepMs: number): Promise<ResourceBucketRow[]> {
  return sql.$queryRawUnsafe<ResourceBucketRow[]>(
    `SELECT k."groupId" AS name, (extract(epoch FROM date_bin(${intervalFromMs('$4')}, p."takenAt", ${bucketOrigin})) * 1000)::float8 AS bucket_ms,
            avg(p."totalLag")::float8 AS lag, max(p."lagSecondsMax")::float8 AS lag_seconds
       FROM "HistoryGroupSample" p
       JOIN "HistoryKafkaGroup" k ON k.id = p."groupRef"
      WHERE k."clusterId" = $1 AND p."takenAt" >= to_timestamp($2::float8 / 1000) AND p."takenAt" < to_timestamp($3::float8 / 1000)
      GROUP BY 1, 2`,
    clusterId, range.fromMs, range.toMs, stepMs,
  );
}

export async function readStreamBuckets(sql: SqlClient, range: TimeRange, stepMs: number): Promise<ResourceBucketRow[]> {
  return sql.$queryRawUnsafe<ResourceBucketRow[]>(
    `SELECT g.stream AS name, (extract(epoch FROM date_bin(${intervalFromMs('$3')}, p."takenAt", ${bucketOrigin})) * 1000)::float8 AS bucket_ms,
            avg(p.lag)::float8 AS lag, NULL::float8 AS lag_seconds
       FROM "HistoryStreamGroupSample" p
       JOIN "HistoryStreamGroup" g ON g.id = p."streamGroupRef"
      WHERE p."takenAt" >= to_timestamp($1::float8 / 1000) AND p."takenAt" < to_timestamp($2::float8 / 1000)
      GROUP BY g.stream, g."groupName", 2`,
    range.fromMs, range.toMs, stepMs,
  );
}

export interface TotalPoint {
  atMs: number;
  [series: string]: number | null;
}

/** Sums lag and takes the worst lag in time per bucket over the rows kept; pure. */
export function totalsPerBucket(rows: readonly ResourceBucketRow[], keep: (name: string) => boolean): TotalPoint[] {
  const buckets = new Map<number, { lag: number; lagKnown: boolean; lagSeconds: number | null }>();
  for (const row of rows) {
    if (!keep(row.name)) continue;
    const bucket = buckets.get(row.bucket_ms) ?? { lag: 0, lagKnown: false, lagSeconds: null };
    if (row.lag !== null) {
      bucket.lag += row.lag;
      bucket.lagKnown = true;
    }
    if (row.lag_seconds !== null) bucket.lagSeconds = Math.max(bucket.lagSeconds ?? 0, row.lag_seconds);
    buckets.set(row.bucket_ms, bucket);
  }
  return [...buckets.entries()].sort(([left], [right]) => left - right)
    .map(([atMs, bucket]) => ({ atMs, total_lag: bucket.lagKnown ? Math.round(bucket.lag) : null, lag_seconds: bucket.lagSeconds }));
}
