import { bucketOrigin, intervalFromMs, type SqlClient } from './sql-client';

/** What the groups list shows per group from the collector's snapshots. */
export interface GroupListHistoryEntry {
  groupId: string;
  /** Burrow status of the newest snapshot holding the group. */
  status: 'OK' | 'WARN' | 'ERR';
  lagSecondsMax: number | null;
  /** Largest total lag per bucket, oldest first; buckets without a snapshot are left out. */
  totalLagSparkline: number[];
}

export interface GroupListHistory {
  clusterId: string;
  /** The newest snapshot holding the cluster within the span; null when there is none. */
  takenAtMs: number | null;
  spanMs: number;
  bucketMs: number;
  groups: GroupListHistoryEntry[];
}

export interface GroupListHistoryOptions {
  nowMs: number;
  /** How far back the sparkline reaches. */
  spanMs: number;
  /** At most this many sparkline points per group. */
  maxPoints: number;
}

interface LatestRow {
  group_id: string;
  status: 'OK' | 'WARN' | 'ERR';
  lag_seconds_max: number | null;
  taken_at_ms: number;
}

interface SparklineRow {
  group_id: string;
  totals: string[];
}

// The group samples of the span: the time range prunes the hourly partitions, the cluster's
// groups come from the names table.
const recentPointsSql = `SELECT k."groupId" AS group_id, g."takenAt" AS taken_at, g.status, g."lagSecondsMax", g."totalLag"
  FROM "HistoryGroupSample" g
  JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
  WHERE g."takenAt" >= to_timestamp($2::float8 / 1000) AND g."takenAt" <= to_timestamp($3::float8 / 1000) AND k."clusterId" = $1`;

const latestSql = `SELECT DISTINCT ON (group_id) group_id, status::text AS status, "lagSecondsMax"::float8 AS lag_seconds_max,
    (extract(epoch FROM taken_at) * 1000)::float8 AS taken_at_ms
  FROM (${recentPointsSql}) recent
  ORDER BY group_id, taken_at DESC`;

// Totals travel as text: a BigInt column would arrive as bigint, and lag fits a double anyway.
const sparklineSql = `SELECT group_id, array_agg(total::text ORDER BY bucket) AS totals FROM (
    SELECT group_id, date_bin(${intervalFromMs('$4')}, taken_at, ${bucketOrigin}) AS bucket, max("totalLag") AS total
    FROM (${recentPointsSql}) recent GROUP BY group_id, bucket
  ) buckets GROUP BY group_id`;

/**
 * Status, time lag and a total-lag sparkline per group of one cluster, from the snapshots of the
 * last `spanMs`, in two queries whatever the number of groups (the list must stay cheap at
 * thousands of groups: it reads group samples, never their partition data).
 */
export async function readGroupListHistory(sql: SqlClient, clusterId: string, options: GroupListHistoryOptions): Promise<GroupListHistory> {
  const sinceMs = options.nowMs - options.spanMs;
  const bucketMs = Math.max(1_000, Math.ceil(options.spanMs / options.maxPoints));
  const [latestRows, sparklineRows] = await Promise.all([
    sql.$queryRawUnsafe<LatestRow[]>(latestSql, clusterId, sinceMs, options.nowMs),
    sql.$queryRawUnsafe<SparklineRow[]>(sparklineSql, clusterId, sinceMs, options.nowMs, bucketMs),
  ]);
  const sparklines = new Map(sparklineRows.map((row) => [row.group_id, row.totals.map(Number)]));
  let takenAtMs: number | null = null;
  const groups = latestRows.map((row) => {
    takenAtMs = Math.max(takenAtMs ?? row.taken_at_ms, row.taken_at_ms);
    return { groupId: row.group_id, status: row.status, lagSecondsMax: row.lag_seconds_max, totalLagSparkline: sparklines.get(row.group_id) ?? [] };
  });
  return { clusterId, takenAtMs, spanMs: options.spanMs, bucketMs, groups };
}
