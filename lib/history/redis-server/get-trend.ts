import type { TimeRange } from '../trend/plan';
import { bucketOrigin, intervalFromMs, type SqlClient } from '../sql-client';

const maximumPoints = 1_000;

export interface RedisServerTrendPoint {
  time: string;
  samples: number;
  used_memory_bytes: { avg: number; max: number };
  /** Null when the server had no maxmemory limit in the bucket. */
  used_memory_ratio: { avg: number | null; max: number | null };
  max_memory_bytes: number;
  connected_clients: { avg: number; max: number };
  ops_per_second: { avg: number; max: number };
}

export interface RedisServerTrendJson {
  from: string;
  to: string;
  step_ms: number;
  points: RedisServerTrendPoint[];
}

/** A step that keeps the answer within 1,000 points: the requested one, or the smallest whole minute that fits. */
export function redisTrendStepMs(range: TimeRange, requestedStepMs: number | null): number {
  const spanMs = range.toMs - range.fromMs;
  const smallestMs = Math.ceil(spanMs / maximumPoints / 1_000) * 1_000;
  return Math.max(requestedStepMs ?? 30_000, smallestMs, 1_000);
}

interface Row {
  bucket_ms: number;
  samples: number;
  used_avg: number;
  used_max: number;
  limit_max: number;
  ratio_avg: number | null;
  ratio_max: number | null;
  clients_avg: number;
  clients_max: number;
  ops_avg: number;
  ops_max: number;
}

/** The Redis server's memory, clients and ops/s per step over the range, from the collector's samples. */
export async function getRedisServerTrend(sql: SqlClient, range: TimeRange, requestedStepMs: number | null): Promise<RedisServerTrendJson> {
  const stepMs = redisTrendStepMs(range, requestedStepMs);
  const rows = await sql.$queryRawUnsafe<Row[]>(
    `SELECT (extract(epoch FROM date_bin(${intervalFromMs('$3')}, "takenAt", ${bucketOrigin})) * 1000)::float8 AS bucket_ms,
            count(*)::int AS samples,
            avg("usedMemoryBytes")::float8 AS used_avg, max("usedMemoryBytes")::float8 AS used_max,
            max("maxMemoryBytes")::float8 AS limit_max,
            avg("usedMemoryBytes"::float8 / NULLIF("maxMemoryBytes", 0))::float8 AS ratio_avg,
            max("usedMemoryBytes"::float8 / NULLIF("maxMemoryBytes", 0))::float8 AS ratio_max,
            avg("connectedClients")::float8 AS clients_avg, max("connectedClients")::float8 AS clients_max,
            avg("opsPerSecond")::float8 AS ops_avg, max("opsPerSecond")::float8 AS ops_max
       FROM "HistoryRedisServerSample"
      WHERE "takenAt" >= to_timestamp($1::float8 / 1000) AND "takenAt" < to_timestamp($2::float8 / 1000)
      GROUP BY 1 ORDER BY 1`,
    range.fromMs, range.toMs, stepMs,
  );
  return {
    from: new Date(range.fromMs).toISOString(),
    to: new Date(range.toMs).toISOString(),
    step_ms: stepMs,
    points: rows.map((row) => ({
      time: new Date(row.bucket_ms).toISOString(),
      samples: row.samples,
      used_memory_bytes: { avg: row.used_avg, max: row.used_max },
      used_memory_ratio: { avg: row.ratio_avg, max: row.ratio_max },
      max_memory_bytes: row.limit_max,
      connected_clients: { avg: row.clients_avg, max: row.clients_max },
      ops_per_second: { avg: row.ops_avg, max: row.ops_max },
    })),
  };
}
