import type { DatabaseClient } from '@/lib/db/create-client';
import { bucketOrigin, intervalFromMs, type SqlClient } from './sql-client';
import { ensureTimePartitions, rollupTables } from './time-partitions';

/** Width of a rollup bucket. Trend steps over rolled-up ranges are multiples of it. */
export const ROLLUP_BUCKET_MS = 5 * 60_000;
/** At most one day of buckets per call, so catching up after an outage stays a bounded transaction. */
const maxBucketsPerCall = 288;
const watermarkName = 'history';

export const floorToBucket = (timeMs: number, bucketMs: number = ROLLUP_BUCKET_MS) => Math.floor(timeMs / bucketMs) * bucketMs;

const groupRollupSql = `INSERT INTO "HistoryGroupRollup" ("bucketStart", "totalLagMin", "totalLagMax", "maxLagMin", "maxLagMax",
    "totalLagAvg", "maxLagAvg", "groupRef", "sampleCount", "memberCountMin", "memberCountMax", "memberCountAvg",
    "lagSecondsSamples", "lagSecondsMin", "lagSecondsAvg", "lagSecondsMax")
  SELECT date_bin(${intervalFromMs('$3')}, g."takenAt", ${bucketOrigin}) AS bucket_start,
    min(g."totalLag"), max(g."totalLag"), min(g."lagMax"), max(g."lagMax"), avg(g."totalLag")::float8, avg(g."lagMax")::float8,
    g."groupRef", count(*), min(g."memberCount"), max(g."memberCount"), avg(g."memberCount")::float8,
    count(g."lagSecondsMax"), min(g."lagSecondsMax"), avg(g."lagSecondsMax")::float8, max(g."lagSecondsMax")
  FROM "HistoryGroupSample" g
  WHERE g."takenAt" >= to_timestamp($1::float8 / 1000) AND g."takenAt" < to_timestamp($2::float8 / 1000)
  GROUP BY g."groupRef", bucket_start
  ON CONFLICT ("groupRef", "bucketStart") DO NOTHING`;

const streamRollupSql = `INSERT INTO "HistoryStreamGroupRollup" ("bucketStart", "lagMin", "lagMax", "pendingMin", "pendingMax",
    "lengthMin", "lengthMax", "lagAvg", "pendingAvg", "lengthAvg", "streamGroupRef", "sampleCount", "lagSamples",
    "consumerCountMin", "consumerCountMax", "consumerCountAvg")
  SELECT date_bin(${intervalFromMs('$3')}, p."takenAt", ${bucketOrigin}) AS bucket_start,
    min(p.lag), max(p.lag), min(p.pending), max(p.pending), min(p.length), max(p.length),
    avg(p.lag)::float8, avg(p.pending)::float8, avg(p.length)::float8, p."streamGroupRef", count(*), count(p.lag),
    min(p."consumerCount"), max(p."consumerCount"), avg(p."consumerCount")::float8
  FROM "HistoryStreamGroupSample" p
  WHERE p."takenAt" >= to_timestamp($1::float8 / 1000) AND p."takenAt" < to_timestamp($2::float8 / 1000)
  GROUP BY p."streamGroupRef", bucket_start
  ON CONFLICT ("streamGroupRef", "bucketStart") DO NOTHING`;

/** Rollups exist for every bucket before this time (null: none computed yet). */
export async function readRolledUntilMs(sql: SqlClient): Promise<number | null> {
  const [row] = await sql.$queryRawUnsafe<{ rolled_until_ms: number }[]>(
    `SELECT (extract(epoch FROM "rolledUntil") * 1000)::float8 AS rolled_until_ms FROM "HistoryRollupWatermark" WHERE name = $1`,
    watermarkName,
  );
  return row?.rolled_until_ms ?? null;
}

async function oldestSnapshotMs(sql: SqlClient): Promise<number | null> {
  const [row] = await sql.$queryRawUnsafe<{ oldest_ms: number | null }[]>(
    'SELECT (extract(epoch FROM min("takenAt")) * 1000)::float8 AS oldest_ms FROM "HistorySnapshot"',
  );
  return row?.oldest_ms ?? null;
}

export interface RollupResult {
  fromMs: number;
  untilMs: number;
}

/**
 * 5-minute min/avg/max of the group and stream-group series for every bucket that closed since
 * the last call (a bucket is closed once `nowMs` reaches its end), in one transaction with the
 * watermark, so a bucket is rolled up exactly once. Returns null when no bucket closed.
 */
export async function rollUpClosedBuckets(prisma: DatabaseClient, nowMs: number): Promise<RollupResult | null> {
  // Collectors of different sources may each try: the lock makes one roll up, the other then
  // finds the watermark moved. Rollup partitions for the day ahead are created first.
  const startMs = (await readRolledUntilMs(prisma)) ?? (await oldestSnapshotMs(prisma));
  if (startMs !== null) await ensureTimePartitions(prisma, rollupTables, startMs, Math.min(nowMs, startMs + maxBucketsPerCall * ROLLUP_BUCKET_MS));
  return prisma.$transaction(async (transaction) => {
    await transaction.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1, $2)', 0x4c414742, 4);
    const rolledUntilMs = await readRolledUntilMs(transaction);
    const oldestMs = rolledUntilMs === null ? await oldestSnapshotMs(transaction) : null;
    const fromMs = rolledUntilMs ?? (oldestMs === null ? null : floorToBucket(oldestMs));
    if (fromMs === null) return null;
    const untilMs = Math.min(floorToBucket(nowMs), fromMs + maxBucketsPerCall * ROLLUP_BUCKET_MS);
    if (untilMs <= fromMs) return null;
    await transaction.$executeRawUnsafe(groupRollupSql, fromMs, untilMs, ROLLUP_BUCKET_MS);
    await transaction.$executeRawUnsafe(streamRollupSql, fromMs, untilMs, ROLLUP_BUCKET_MS);
    await transaction.$executeRawUnsafe(
      `INSERT INTO "HistoryRollupWatermark" (name, "rolledUntil") VALUES ($1, to_timestamp($2::float8 / 1000))
       ON CONFLICT (name) DO UPDATE SET "rolledUntil" = excluded."rolledUntil"`,
      watermarkName,
      untilMs,
    );
    return { fromMs, untilMs };
  }, { timeout: 120_000, maxWait: 10_000 });
}
