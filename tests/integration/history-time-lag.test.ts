import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { readLatestTimeLags } from '@/lib/history/latest-time-lags';
import { readGroupListHistory } from '@/lib/history/group-list-history';
import { readStoredPartitions } from '@/lib/history/testing/stored-partitions';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, testKafkaBrokers, uniqueName } from '../support/test-env';

// The time-lag vector on a real broker and through the stored rows: the log end is 100 at
// 0 s, 200 at 10 s and 300 at 20 s, the group has committed 150 by 20 s: 15 s behind. The third
// snapshot is taken by a *new* collector, which only knows the first two points from the database.

const scratchDatabase = `${testDatabaseName}_history_time_lag`;
const cluster = { id: 'test', brokers: testKafkaBrokers };
const topic = uniqueName('time-lag');
const groupId = uniqueName('time-lag-group');
const t0 = Date.UTC(2026, 10, 23, 8, 0, 0);
let database: Database;

async function takeSnapshotAt(timeMs: number): Promise<void> {
  // A fresh collector each time: nothing but the database carries the earlier points. Its interval
  // is the 10 s between the snapshots (a new leader waits one interval after the newest snapshot).
  const collector = testCollector({ database: async () => database.prisma, clock: new ManualClock(timeMs), clusters: [cluster], intervalMs: 10_000 });
  await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader', takenAtMs: timeMs });
  await collector.stop();
}

beforeAll(async () => {
  database = createDatabase({ databaseUrl: await recreateDatabase(scratchDatabase) });
  await database.migrate();
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 1 }]);
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupId, [{ topic, partition: 0, offset: 0 }]);
});

afterAll(async () => {
  await database?.close();
  await closeKafkaConnections();
  await dropDatabase(scratchDatabase);
});

describe('time lag from stored snapshots', () => {
  it('gives 15 s for log end 100 @0 s, 200 @10 s, 300 @20 s and committed 150 at 20 s', { timeout: 60_000 }, async () => {
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 100, partition: 0 });
    await takeSnapshotAt(t0);
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 100, partition: 0 });
    await takeSnapshotAt(t0 + 10_000);
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 100, partition: 0 });
    await commitOffsetsWithoutMembers(testKafkaBrokers, groupId, [{ topic, partition: 0, offset: 150 }]);
    await takeSnapshotAt(t0 + 20_000);

    const stored = (await readStoredPartitions(database.prisma, groupId)).map((row) => ({
      logEnd: row.logEndOffset, committed: row.committedOffset, lagSeconds: row.lagSeconds, groupMax: row.groupLagSecondsMax,
    }));
    expect(stored).toEqual([
      // One point only and behind: no production rate to read yet.
      { logEnd: 100, committed: 0, lagSeconds: null, groupMax: null },
      // Committed 0 lies below the oldest point (100 @0 s): extrapolated along 10 s per 100 offsets -> 20 s.
      { logEnd: 200, committed: 0, lagSeconds: 20, groupMax: 20 },
      { logEnd: 300, committed: 150, lagSeconds: 15, groupMax: 15 },
    ]);

    const latest = await readLatestTimeLags(database.prisma, 'test');
    expect(latest.takenAtMs).toBe(t0 + 20_000);
    expect(latest.groups.find((group) => group.groupId === groupId)).toEqual({ groupId, lagSecondsMax: 15, partitions: [{ topic, partition: 0, lagSeconds: 15 }] });
    expect(latest.topics.find((entry) => entry.topic === topic)).toEqual({ topic, lagSecondsMax: 15 });

    // The groups list reads group rows only: status and time lag of the newest snapshot, and the
    // total lag per 10 s bucket (a 60 s span in 6 points) as its sparkline.
    const [storedStatus] = await database.prisma.$queryRawUnsafe<{ status: string }[]>(
      `SELECT g.status::text AS status FROM "HistoryGroupSample" g JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
       WHERE k."groupId" = $1 ORDER BY g."takenAt" DESC LIMIT 1`,
      groupId,
    );
    const listHistory = await readGroupListHistory(database.prisma, 'test', { nowMs: t0 + 25_000, spanMs: 60_000, maxPoints: 6 });
    expect(listHistory).toMatchObject({ clusterId: 'test', takenAtMs: t0 + 20_000, bucketMs: 10_000 });
    expect(listHistory.groups.find((group) => group.groupId === groupId)).toEqual({ groupId, status: storedStatus?.status, lagSecondsMax: 15, totalLagSparkline: [100, 200, 150] });
    // A span that ends before the first snapshot holds nothing.
    expect(await readGroupListHistory(database.prisma, 'test', { nowMs: t0 - 1, spanMs: 60_000, maxPoints: 6 })).toMatchObject({ takenAtMs: null, groups: [] });
    // Another cluster's groups are not mixed in.
    expect((await readGroupListHistory(database.prisma, 'other', { nowMs: t0 + 25_000, spanMs: 60_000, maxPoints: 6 })).groups).toEqual([]);

    const trend = await getPartitionTrend(database.prisma, { clusterId: 'test', groupId, topic, partition: 0, range: { fromMs: t0, toMs: t0 + 30_000 }, requestedStepMs: 10_000 });
    expect(trend.points.map((point) => point.lag_seconds.max)).toEqual([null, 20, 15]);
    expect(trend.points.map((point) => point.lag.max)).toEqual([100, 200, 150]);
  });
});
