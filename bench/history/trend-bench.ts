import type { Database } from '@/lib/db/create-client';
import { rollUpClosedBuckets } from '@/lib/history/rollup';
import { getGroupTrend } from '@/lib/history/trend/get-group-trend';
import { readGroupRawPoints, readGroupSeries } from '@/lib/history/trend/group-series';
import { relationBytes } from './scratch-database';
import { median, roundMs, timeRepeated } from './timing';

/**
 * A 7-day trend of one group at 30 s resolution: 20,160 raw points (and their 5-minute rollups)
 * for each of 50 groups, inserted in bulk. Timed: the trend API's query (downsampled in the
 * database, rollups for the rolled-up range), the same downsampling over the raw points only, and
 * the baseline of reading every raw point.
 */

const dayMs = 86_400_000;
const intervalMs = 30_000;
const backgroundGroups = 50;
const pointsPerGroup = (7 * dayMs) / intervalMs;

export interface TrendBenchResult {
  raw_points_per_group: number;
  groups: number;
  seed_ms: number;
  rollup_ms: number;
  trend_p50_ms: number;
  trend_ms: number[];
  trend_points: number;
  trend_step_ms: number;
  raw_downsampled_p50_ms: number;
  raw_downsampled_points: number;
  undownsampled_p50_ms: number;
  undownsampled_points: number;
  ratio_undownsampled_to_trend: number;
  bytes_per_group_rollup_row: number;
}

async function seed(database: Database, fromMs: number): Promise<void> {
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistoryKafkaGroup" ("clusterId", "groupId") SELECT 'trend', 'trend-group-' || g FROM generate_series(0, $1::int - 1) g`,
    backgroundGroups,
  );
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistorySnapshot" ("takenAt", "durationMs")
     SELECT to_timestamp(($1::float8 + i * $2::float8) / 1000), 40 FROM generate_series(0, $3::int - 1) i`,
    fromMs, intervalMs, pointsPerGroup,
  );
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupPoint" ("lagP50", "lagP95", "lagMax", "totalLag", "snapshotId", "groupRef", "memberCount",
       "generationOrEpoch", "partitionCount", "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state)
     SELECT (s.id * 7 + k.id) % 100, (s.id * 7 + k.id) % 900, (s.id * 7 + k.id) % 1000, ((s.id * 7 + k.id) % 1000) * 12,
       s.id, k.id, 3 + (s.id / 500) % 2, (s.id / 500)::int, 24, 0.97, 0.1, ((s.id + k.id) % 600)::float4 / 10, 'classic', 'OK', 'Stable'
     FROM "HistorySnapshot" s CROSS JOIN "HistoryKafkaGroup" k
     WHERE k."clusterId" = 'trend' AND s."takenAt" >= to_timestamp($1::float8 / 1000) AND s."takenAt" < to_timestamp($2::float8 / 1000)
     ORDER BY k.id, s.id`,
    fromMs, fromMs + 7 * dayMs,
  );
  await database.prisma.$executeRawUnsafe('VACUUM ANALYZE');
}

export async function benchTrend(database: Database, nowMs: number, repetitions: number): Promise<TrendBenchResult> {
  const fromMs = nowMs - 7 * dayMs;
  const seedStartedAt = performance.now();
  await seed(database, fromMs);
  const seedMs = performance.now() - seedStartedAt;

  const rollupStartedAt = performance.now();
  while (await rollUpClosedBuckets(database.prisma, nowMs)) {
    // One day of buckets per call, as the collector catches up after an outage.
  }
  const rollupMs = performance.now() - rollupStartedAt;
  const [rollupRows] = await database.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "HistoryGroupRollup"');
  const rollupBytes = await relationBytes(database, ['HistoryGroupRollup']);

  const request = { clusterId: 'trend', groupId: 'trend-group-0', range: { fromMs, toMs: nowMs }, requestedStepMs: null };
  const trend = await timeRepeated(repetitions, () => getGroupTrend(database.prisma, request));
  const plan = { stepMs: trend.last.step_ms, alignedFromMs: fromMs, alignedToMs: nowMs, rollup: null, raw: { fromMs, toMs: nowMs } };
  const [groupRef] = await database.prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "HistoryKafkaGroup" WHERE "groupId" = 'trend-group-0'`);
  const rawDownsampled = await timeRepeated(repetitions, () => readGroupSeries(database.prisma, groupRef?.id ?? 0, plan));
  const undownsampled = await timeRepeated(repetitions, () => readGroupRawPoints(database.prisma, groupRef?.id ?? 0, fromMs, nowMs));

  const trendP50 = median(trend.timesMs);
  const undownsampledP50 = median(undownsampled.timesMs);
  return {
    raw_points_per_group: pointsPerGroup,
    groups: backgroundGroups,
    seed_ms: roundMs(seedMs),
    rollup_ms: roundMs(rollupMs),
    trend_p50_ms: roundMs(trendP50),
    trend_ms: trend.timesMs,
    trend_points: trend.last.points.length,
    trend_step_ms: trend.last.step_ms,
    raw_downsampled_p50_ms: roundMs(median(rawDownsampled.timesMs)),
    raw_downsampled_points: rawDownsampled.last.length,
    undownsampled_p50_ms: roundMs(undownsampledP50),
    undownsampled_points: undownsampled.last.length,
    ratio_undownsampled_to_trend: roundMs(undownsampledP50 / trendP50),
    bytes_per_group_rollup_row: roundMs(rollupBytes / Math.max(1, rollupRows?.n ?? 0)),
  };
}
