import type { Database } from '@/lib/db/create-client';
import { rollUpClosedBuckets } from '@/lib/history/rollup';
import { resolveLayouts } from '@/lib/history/insert-points';
import { encodePartitions } from '@/lib/history/partition-codec';
import { ensureTimePartitions, sampleTables } from '@/lib/history/time-partitions';
import { getGroupTrend } from '@/lib/history/trend/get-group-trend';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { readGroupRawPoints, readGroupSeries } from '@/lib/history/trend/group-series';
import { relationBytes } from './scratch-database';
import { median, roundMs, timeRepeated } from './timing';

/**
 * A 7-day trend of one group at 30 s resolution: 20,160 raw samples (and their 5-minute rollups)
 * for each of 50 groups, inserted in bulk, each with 24 encoded partitions. Timed: the trend API's query (downsampled in the
 * database, rollups for the rolled-up range), the same downsampling over the raw points only, the
 * baseline of reading every raw point, and a 48-hour trend of one partition (decoded per sample).
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
  partition_trend_48h_p50_ms: number;
  partition_trend_48h_ms: number[];
  partition_trend_48h_points: number;
  partition_trend_48h_samples: number;
  bytes_per_group_rollup_row: number;
}

const partitionsPerGroup = 24;
const distinctEncodings = 16;

/** A few realistic encodings of 24 partitions, rotated over the rows (decoding costs the same). */
function partitionEncodings(): string[] {
  return Array.from({ length: distinctEncodings }, (_unused, sequence) => {
    const partitions = Array.from({ length: partitionsPerGroup }, (_entry, partition) => {
      const logEndOffset = 250_000_000 + partition * 39_113 + sequence * 3_000;
      const lag = (partition * 97 + sequence * 31) % 900;
      return { committedOffset: logEndOffset - lag, logEndOffset, lag, lagSeconds: Math.round(lag * 1.7) / 100 };
    });
    return Buffer.from(encodePartitions(partitions)).toString('hex');
  });
}

async function seed(database: Database, fromMs: number): Promise<void> {
  const toMs = fromMs + 7 * dayMs;
  await ensureTimePartitions(database.prisma, sampleTables, fromMs, toMs);
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistoryKafkaGroup" ("clusterId", "groupId") SELECT 'trend', 'trend-group-' || g FROM generate_series(0, $1::int - 1) g`,
    backgroundGroups,
  );
  const [topic] = await database.prisma.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO "HistoryKafkaTopic" ("clusterId", topic) VALUES ('trend', 'trend-topic') RETURNING id`);
  const topicRef = topic?.id ?? 0;
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupTopic" ("topicRef", "groupRef") SELECT $1, id FROM "HistoryKafkaGroup" WHERE "clusterId" = 'trend'`,
    topicRef,
  );
  const layoutKey = Array.from({ length: partitionsPerGroup }, (_unused, partition) => `${topicRef}.${partition}`).join(',');
  const [layout] = await resolveLayouts(database.prisma, [layoutKey]).then((layouts) => [...layouts.values()]);
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistorySnapshot" ("takenAt", "durationMs", source)
     SELECT to_timestamp(($1::float8 + i * $2::float8) / 1000), 40, 'kafka:trend' FROM generate_series(0, $3::int - 1) i`,
    fromMs, intervalMs, pointsPerGroup,
  );
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupSample" ("takenAt", "totalLag", "lagMax", "groupRef", "layoutRef", "memberCount", "generationOrEpoch",
       "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state, "partitionData")
     SELECT s."takenAt", ((s.id * 7 + k.id) % 1000) * 12, (s.id * 7 + k.id) % 1000, k.id, $3, 3 + (s.id / 500) % 2, (s.id / 500)::int,
       0.97, 0.1, ((s.id + k.id) % 600)::float4 / 10, 'classic', 'OK', 'Stable', decode(($4::text[])[1 + s.id % $5], 'hex')
     FROM "HistorySnapshot" s CROSS JOIN "HistoryKafkaGroup" k
     WHERE k."clusterId" = 'trend' AND s."takenAt" >= to_timestamp($1::float8 / 1000) AND s."takenAt" < to_timestamp($2::float8 / 1000)
     ORDER BY s.id, k.id`,
    fromMs, toMs, layout ?? 0, `{${partitionEncodings().join(',')}}`, distinctEncodings,
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

  // One partition over the newest 48 hours: every raw sample of the group, decoded.
  const partitionRequest = { clusterId: 'trend', groupId: 'trend-group-0', topic: 'trend-topic', partition: 3, range: { fromMs: nowMs - 2 * dayMs, toMs: nowMs }, requestedStepMs: null };
  const partitionTrend = await timeRepeated(repetitions, () => getPartitionTrend(database.prisma, partitionRequest));

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
    partition_trend_48h_p50_ms: roundMs(median(partitionTrend.timesMs)),
    partition_trend_48h_ms: partitionTrend.timesMs,
    partition_trend_48h_points: partitionTrend.last.points.length,
    partition_trend_48h_samples: partitionTrend.last.points.reduce((sum, point) => sum + point.samples, 0),
    bytes_per_group_rollup_row: roundMs(rollupBytes / Math.max(1, rollupRows?.n ?? 0)),
  };
}
