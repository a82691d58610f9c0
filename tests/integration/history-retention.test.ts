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
// has closed and only then; hours of raw samples are dropped whole once older than RETENTION_RAW
// *and* rolled up; days of rollups, and events, go after RETENTION_ROLLUP.

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

async function partitionNames(): Promise<string[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT child.relname AS name FROM pg_inherits i JOIN pg_class child ON child.oid = i.inhrelid ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

async function sampleCount(): Promise<number> {
  const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
    'SELECT (SELECT count(*) FROM "HistoryGroupSample") + (SELECT count(*) FROM "HistoryStreamGroupSample") AS n',
  );
  return Number(row?.n);
}

describe('applyRetention', () => {
  const hour = 60 * minute;

  it('drops whole hours of samples once older than RETENTION_RAW and rolled up, with their snapshot rows', async () => {
    // One more snapshot two hours later, in an hour partition of its own.
    await writeSnapshot(database.prisma, snapshotAt(t0 + 2 * hour, { groups: [groupPoint('prod', 'orders', [partitionPoint('orders', 0, 0, 5)])] }));
    expect(await partitionNames()).toEqual(expect.arrayContaining([
      'HistoryGroupSample_h2026112512', 'HistoryGroupSample_h2026112514', 'HistoryStreamGroupSample_h2026112512', 'HistoryStreamGroupSample_h2026112514',
    ]));
    // 14:20 with 12 min of raw retention: the cutoff would be 14:08, but rollups exist only up to
    // 12:15, so the 12:00 hour (which ends at 13:00) stays.
    const early = await applyRetention(database.prisma, { nowMs: t0 + 2 * hour + 20 * minute, retentionRawMs: 12 * minute, retentionRollupMs: 30 * 24 * hour });
    expect(early).toMatchObject({ droppedPartitions: 0, deletedSnapshots: 0, finished: true });
    expect(await snapshotTimes()).toHaveLength(21);

    await rollUpClosedBuckets(database.prisma, t0 + 2 * hour + 20 * minute);
    const later = await applyRetention(database.prisma, { nowMs: t0 + 2 * hour + 20 * minute, retentionRawMs: 12 * minute, retentionRollupMs: 30 * 24 * hour });
    // The 12:00 hour of both sample tables went whole; the 14:00 hour (cutoff 14:08 inside it) stays.
    expect(later).toMatchObject({ droppedPartitions: 2, deletedSnapshots: 20, finished: true });
    const names = await partitionNames();
    expect(names).not.toContain('HistoryGroupSample_h2026112512');
    expect(names).not.toContain('HistoryStreamGroupSample_h2026112512');
    expect(names).toContain('HistoryGroupSample_h2026112514');
    expect(await snapshotTimes()).toEqual([120]);
    expect(await sampleCount()).toBe(1);
    // The rolled-up series outlive the raw samples.
    const series = await readGroupSeries(database.prisma, 1, { stepMs: 5 * minute, alignedFromMs: t0, alignedToMs: t0 + 15 * minute, rollup: { fromMs: t0, toMs: t0 + 15 * minute }, raw: null });
    expect(series.map((point) => point.samples)).toEqual([5, 5, 5]);
  });

  it('drops whole days of rollups and deletes events once older than RETENTION_ROLLUP', async () => {
    // Two days later with one day of rollups: 25 November's rollup partitions go, and the 12:07 event.
    const nowMs = t0 + 2 * 24 * hour;
    const result = await applyRetention(database.prisma, { nowMs, retentionRawMs: 24 * hour, retentionRollupMs: 24 * hour });
    expect(result.droppedPartitions).toBeGreaterThanOrEqual(2);
    expect(await partitionNames()).not.toContain('HistoryGroupRollup_d20261125');
    expect(await rollupBuckets()).toEqual([]);
    const [events] = await database.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "HistoryGroupEvent"');
    expect(events?.n).toBe(0);
    // Nothing left to drop: a second call is a no-op.
    await expect(applyRetention(database.prisma, { nowMs, retentionRawMs: 24 * hour, retentionRollupMs: 24 * hour }))
      .resolves.toEqual({ deletedRows: 0, deletedSnapshots: 0, droppedPartitions: 0, finished: true });
  });
});
