import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { readClusterBuckets, readStreamBuckets, totalsPerBucket } from '@/lib/history/trend/overview-trend';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { uniqueName } from '../support/test-env';

// The overview's trend queries on the suite's PostgreSQL: per-group and per-stream buckets of
// snapshots written with the collector's own writer, summed over what a viewer may see.

const minute = 60_000;
// A 5-minute boundary far from other files' snapshots, so these buckets hold only this file's rows.
const start = Math.floor(Date.UTC(2026, 0, 5, 3) / (5 * minute)) * 5 * minute;
const cluster = uniqueName('overview').replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 60);
const stream = `${uniqueName('overview')}:events`;

beforeAll(async () => {
  const prisma = await getDb();
  // Two snapshots in the first bucket, one in the second; group a: lag 10, 20, 30 and 5, 10, 15 s behind; b: lag 100, time unknown.
  for (const [index, offsetMs] of [0, 2 * minute, 6 * minute].entries()) {
    await writeSnapshot(prisma, snapshotAt(start + offsetMs, {
      groups: [
        groupPoint(cluster, 'a', [partitionPoint('t', 0, 0, 10 * (index + 1), 5 * (index + 1))]),
        groupPoint(cluster, 'b', [partitionPoint('t', 0, 0, 100)]),
      ],
      streamGroups: [streamGroupPoint(stream, 'readers', { lag: 4 + index }), streamGroupPoint(stream, 'audit', { lag: null })],
    }));
  }
});

afterAll(async () => {
  await closeDb();
});

describe('overview trend buckets', () => {
  it('averages each group per bucket and sums the groups kept', async () => {
    const rows = await readClusterBuckets(await getDb(), cluster, { fromMs: start, toMs: start + 10 * minute }, 5 * minute);
    // bucket 1: a = avg(10, 20) = 15, b = 100 -> 115; worst lag in time max(5, 10) = 10. bucket 2: a = 30, b = 100 -> 130, 15 s
    expect(totalsPerBucket(rows, () => true)).toEqual([
      { atMs: start, total_lag: 115, lag_seconds: 10 },
      { atMs: start + 5 * minute, total_lag: 130, lag_seconds: 15 },
    ]);
    expect(totalsPerBucket(rows, (name) => name === 'b').map((point) => point.total_lag)).toEqual([100, 100]);
  });

  it('sums stream group lags, a null lag adding nothing', async () => {
    const rows = (await readStreamBuckets(await getDb(), { fromMs: start, toMs: start + 10 * minute }, 5 * minute)).filter((row) => row.name === stream);
    // readers: avg(4, 5) = 4.5 then 6; audit unknown
    expect(totalsPerBucket(rows, () => true)).toEqual([
      { atMs: start, total_lag: 5, lag_seconds: null },
      { atMs: start + 5 * minute, total_lag: 6, lag_seconds: null },
    ]);
  });
});
