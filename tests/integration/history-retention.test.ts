import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { applyRetention } from '@/lib/history/retention';
import { readRolledUntilMs, rollUpClosedBuckets } from '@/lib/history/rollup';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { readGroupSeries } from '@/lib/history/trend/group-series';
import { readStreamGroupSeries } from '@/lib/history/trend/stream-series';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName } from '../support/test-env';

// Rollup and retention boundaries with explicit times (no sleeping): a bucket is rolled up once it
// has closed and only then; raw rows go once older than RETENTION_RAW *and* rolled up; rollups and
// events go after RETENTION_ROLLUP; deletes run in bounded batches.

const scratchDatabase = `${testDatabaseName}_history_retention`;
const minute = 60_000;
// 12:00 UTC: on a 5-minute boundary, so buckets start at t0, t0 + 5 min, ...
const t0 = Date.UTC(2026, 10, 25, 12, 0, 0);
let database: Database;

async function snapshotTimes(): Promise<number[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ ms: number }[]>('SELECT (extract(epoch FROM "takenAt") * 1000)::float8 AS ms FROM "HistorySnapshot" ORDER BY 1');
  return rows.map((row) => (row.ms - t0) / minute);
}

async function rollupBuckets(): Promise<{ minute: number; samples: number; totalLagMin: number; totalLagAvg: number; totalLagMax: number }[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ ms: number; samples: number; min: number; avg: number; max: number }[]>(
    `SELECT (extract(epoch FROM "bucketStart") * 1000)::float8 AS ms, "sampleCount" AS samples, "totalLagMin"::float8 AS min,
       "totalLagAvg" AS avg, "totalLagMax"::float8 AS max FROM "HistoryGroupRollup" ORDER BY 1`,
  );
  return rows.map((row) => ({ minute: (row.ms - t0) / minute, samples: row.samples, totalLagMin: row.min, totalLagAvg: row.avg, totalLagMax: row.max }));
}

beforeAll(async () => {
  database = createDatabase({ databaseUrl: await recreateDatabase(scratchDatabase) });
  await database.migrate();
  // One snapshot a minute for 20 minutes: total lag 10 x minute; lag seconds unknown on odd minutes.
  for (let index = 0; index < 20; index += 1) {
    const group = groupPoint('prod', 'orders', [partitionPoint('orders', 0, 0, index * 10, index % 2 === 0 ? index : null)], { memberCount: 1 + (index % 3) });
    await writeSnapshot(database.prisma, snapshotAt(t0 + index * minute, {
      groups: [group],
      streamGroups: [streamGroupPoint('events:chat', 'signalr-consumers', { lag: index % 4 === 3 ? null : index, pending: index, length: 100 + index })],
      events: index === 7 ? [{ clusterId: 'prod', groupId: 'orders', previousState: 'Stable', state: 'PreparingRebalance', previousGenerationOrEpoch: 1, generationOrEpoch: 1, rebalance: true }] : [],
    }));
  }
});

afterAll(async () => {
  await database?.close();
  await dropDatabase(scratchDatabase);
});

describe('rollUpClosedBuckets', () => {
  it('rolls up only buckets that have closed, each once', async () => {
    // At 12:12 the buckets 12:00 and 12:05 are closed; 12:10 is still filling.
    await expect(rollUpClosedBuckets(database.prisma, t0 + 12 * minute)).resolves.toEqual({ fromMs: t0, untilMs: t0 + 10 * minute });
    expect(await rollupBuckets()).toEqual([
      { minute: 0, samples: 5, totalLagMin: 0, totalLagAvg: 20, totalLagMax: 40 },
      { minute: 5, samples: 5, totalLagMin: 50, totalLagAvg: 70, totalLagMax: 90 },
    ]);
    await expect(rollUpClosedBuckets(database.prisma, t0 + 14 * minute + 59_999)).resolves.toBeNull();
    // Exactly at 12:15 the 12:10 bucket closes.
    await expect(rollUpClosedBuckets(database.prisma, t0 + 15 * minute)).resolves.toEqual({ fromMs: t0 + 10 * minute, untilMs: t0 + 15 * minute });
    expect((await rollupBuckets()).map((bucket) => bucket.minute)).toEqual([0, 5, 10]);
    await expect(readRolledUntilMs(database.prisma)).resolves.toBe(t0 + 15 * minute);
  });

  it('gives the same series from rollups as from raw points', async () => {
    const range = { fromMs: t0, toMs: t0 + 15 * minute };
    const plan = { stepMs: 5 * minute, alignedFromMs: range.fromMs, alignedToMs: range.toMs };
    const fromRollups = await readGroupSeries(database.prisma, 1, { ...plan, rollup: range, raw: null });
    const fromRaw = await readGroupSeries(database.prisma, 1, { ...plan, rollup: null, raw: range });
    const withoutSource = (points: typeof fromRaw) => points.map(({ source: _source, ...point }) => point);
    expect(fromRollups.every((point) => point.source === 'rollup')).toBe(true);
    expect(withoutSource(fromRollups)).toEqual(withoutSource(fromRaw));
    // Lag seconds averaged over known samples only: minutes 0, 2, 4 -> (0 + 2 + 4) / 3.
    expect(fromRaw[0]?.lag_seconds).toEqual({ min: 0, avg: 2, max: 4 });
    const streamRollups = await readStreamGroupSeries(database.prisma, 1, { ...plan, rollup: range, raw: null });
    const streamRaw = await readStreamGroupSeries(database.prisma, 1, { ...plan, rollup: null, raw: range });
    expect(streamRollups.map(({ lag, pending, length, lag_unknown_samples }) => ({ lag, pending, length, lag_unknown_samples })))
      .toEqual(streamRaw.map(({ lag, pending, length, lag_unknown_samples }) => ({ lag, pending, length, lag_unknown_samples })));
    // Minute 3 had unknown lag: kept apart, not counted as 0.
    expect(streamRaw[0]).toMatchObject({ lag_unknown_samples: 1, lag: { min: 0, avg: 7 / 4, max: 4 } });
  });
});

describe('applyRetention', () => {
  it('deletes raw snapshots strictly older than RETENTION_RAW, and only once rolled up', async () => {
    // 12:20, raw retention 12 min: cutoff 12:08; 12:08 itself stays.
    const first = await applyRetention(database.prisma, { nowMs: t0 + 20 * minute, retentionRawMs: 12 * minute, retentionRollupMs: 60 * minute });
    expect(first).toMatchObject({ deletedSnapshots: 8, finished: true });
    expect(await snapshotTimes()).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // Raw retention of 1 min would reach 12:19, but rollups exist only up to 12:15.
    await applyRetention(database.prisma, { nowMs: t0 + 20 * minute, retentionRawMs: minute, retentionRollupMs: 60 * minute });
    expect(await snapshotTimes()).toEqual([15, 16, 17, 18, 19]);
    const [orphans] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM "HistoryGroupPoint" WHERE "snapshotId" NOT IN (SELECT id FROM "HistorySnapshot"))
        + (SELECT count(*) FROM "HistoryPartitionPoint" WHERE "snapshotId" NOT IN (SELECT id FROM "HistorySnapshot"))
        + (SELECT count(*) FROM "HistoryStreamGroupPoint" WHERE "snapshotId" NOT IN (SELECT id FROM "HistorySnapshot")) AS n`,
    );
    expect(Number(orphans?.n)).toBe(0);
  });

  it('deletes rollups and events older than RETENTION_ROLLUP', async () => {
    // 12:20 with 12 min of rollups: buckets starting before 12:08 go (12:00, 12:05), and the 12:07 event.
    await applyRetention(database.prisma, { nowMs: t0 + 20 * minute, retentionRawMs: 60 * minute, retentionRollupMs: 12 * minute });
    expect((await rollupBuckets()).map((bucket) => bucket.minute)).toEqual([10]);
    const [events] = await database.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "HistoryGroupEvent"');
    expect(events?.n).toBe(0);
  });

  it('works in bounded batches and finishes over several calls', async () => {
    const later = t0 + 60 * minute;
    for (let index = 0; index < 5; index += 1) {
      const partitions = Array.from({ length: 10 }, (_unused, partition) => partitionPoint('bulk', partition, 0, 5));
      await writeSnapshot(database.prisma, snapshotAt(later + index * minute, { groups: [groupPoint('prod', 'bulk', partitions)] }));
    }
    await rollUpClosedBuckets(database.prisma, later + 10 * minute);
    // 55 partition rows in batches of 7, at most 8 statements per call (the minimum: one per table and one more).
    const options = { nowMs: later + 10 * minute, retentionRawMs: minute, retentionRollupMs: 600 * minute, batchRows: 7, maxStatements: 1 };
    const first = await applyRetention(database.prisma, options);
    expect(first).toEqual({ deletedRows: 55, deletedSnapshots: 0, finished: false });
    let calls = 1;
    for (let result = first; !result.finished && calls < 20; calls += 1) result = await applyRetention(database.prisma, options);
    expect(calls).toBe(2);
    expect(await snapshotTimes()).toEqual([]);
  });
});
