import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { PersistedGroupHistoryWindow } from '@/lib/history/persisted-window';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName } from '../support/test-env';

// Writing snapshots on a real PostgreSQL: rows come back as they went in (through the persisted
// window), names are stored once, and a snapshot that fails half-way leaves nothing behind.

const scratchDatabase = `${testDatabaseName}_history_snapshots`;
let database: Database;

async function count(table: string): Promise<number> {
  const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
  return row?.n ?? -1;
}

const allTables = ['HistorySnapshot', 'HistorySourceError', 'HistoryKafkaGroup', 'HistoryKafkaTopic', 'HistoryGroupTopic', 'HistoryStreamGroup',
  'HistoryPartitionLayout', 'HistoryGroupSample', 'HistoryStreamGroupSample', 'HistoryGroupEvent'];

async function counts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(allTables.map(async (table) => [table, await count(table)] as const)));
}

beforeAll(async () => {
  database = createDatabase({ databaseUrl: await recreateDatabase(scratchDatabase) });
  await database.migrate();
});

afterAll(async () => {
  await database?.close();
  await dropDatabase(scratchDatabase);
});

const t0 = Date.UTC(2026, 10, 25, 12, 0, 0);
// Group ids may hold anything Kafka allows; offsets beyond 2^32 must survive as numbers.
const oddGroupId = 'billing / "eu" ünïcode, {1}';
const bigOffset = 9_007_199_254_000_000;

describe('writeSnapshot', () => {
  it('stores every row and the persisted window reads the points back unchanged', async () => {
    const partitions = [partitionPoint('orders.v1', 0, bigOffset, bigOffset + 500, 12.5), partitionPoint('orders.v1', 1, null, 40), partitionPoint('audit', 0, 7, 7, 0)];
    const group = groupPoint('prod', oddGroupId, partitions, { state: 'Reconciling', groupType: 'consumer', memberCount: 2, generationOrEpoch: 17, status: 'WARN' });
    const written = await writeSnapshot(database.prisma, snapshotAt(t0, {
      groups: [group],
      streamGroups: [streamGroupPoint('events:chat', 'signalr-consumers', { lag: null, pending: 3, length: 10 }), streamGroupPoint('events:chat', 'other', { lag: 42, lagEstimated: true })],
      sourceErrors: [{ source: 'redis', message: 'Redis is unavailable: connection refused' }],
    }));
    expect(written).toMatchObject({ groupCount: 1, partitionCount: 3, streamGroupCount: 2 });

    const window = new PersistedGroupHistoryWindow(async () => database.prisma);
    const points = await window.recentPoints('prod', oddGroupId, t0);
    // Read back in topic/partition order, exactly as the analyses produce them.
    expect(points).toEqual([{
      observedAtMs: t0,
      state: 'Reconciling',
      generationOrEpoch: 17,
      memberCount: 2,
      partitions: [
        { topic: 'audit', partition: 0, committedOffset: 7, logEndOffset: 7, lag: 0 },
        { topic: 'orders.v1', partition: 0, committedOffset: bigOffset, logEndOffset: bigOffset + 500, lag: 500 },
        { topic: 'orders.v1', partition: 1, committedOffset: null, logEndOffset: 40, lag: null },
      ],
    }]);
    await expect(window.recentPoints('prod', oddGroupId, t0 + 1)).resolves.toEqual([]);
    await expect(window.recentPoints('prod', 'never-seen', 0)).resolves.toEqual([]);

    const [stored] = await database.prisma.$queryRawUnsafe<{ status: string; groupType: string; lagSecondsMax: number; totalLag: bigint }[]>(
      'SELECT status::text, "groupType"::text, "lagSecondsMax", "totalLag" FROM "HistoryGroupSample"',
    );
    expect(stored).toEqual({ status: 'WARN', groupType: 'consumer', lagSecondsMax: 12.5, totalLag: 500n });
    const streams = await database.prisma.$queryRawUnsafe<{ groupName: string; lag: bigint | null; lagEstimated: boolean }[]>(
      'SELECT sg."groupName", p.lag, p."lagEstimated" FROM "HistoryStreamGroupSample" p JOIN "HistoryStreamGroup" sg ON sg.id = p."streamGroupRef" ORDER BY sg."groupName"',
    );
    expect(streams).toEqual([{ groupName: 'other', lag: 42n, lagEstimated: true }, { groupName: 'signalr-consumers', lag: null, lagEstimated: false }]);
  });

  it('stores each name once and draws no sequence numbers for names it already has', async () => {
    const before = await counts();
    const [sequenceBefore] = await database.prisma.$queryRawUnsafe<{ last_value: bigint }[]>('SELECT last_value FROM "HistoryKafkaGroup_id_seq"');
    const group = groupPoint('prod', oddGroupId, [partitionPoint('orders.v1', 0, 1, 2)]);
    await writeSnapshot(database.prisma, snapshotAt(t0 + 30_000, { groups: [group] }));
    await writeSnapshot(database.prisma, snapshotAt(t0 + 60_000, { groups: [group, groupPoint('prod', 'second', [partitionPoint('orders.v1', 0, 1, 2)])] }));
    const after = await counts();
    expect(after.HistoryKafkaGroup).toBe((before.HistoryKafkaGroup ?? 0) + 1);
    expect(after.HistoryKafkaTopic).toBe(before.HistoryKafkaTopic);
    expect(after.HistorySnapshot).toBe((before.HistorySnapshot ?? 0) + 2);
    const [sequenceAfter] = await database.prisma.$queryRawUnsafe<{ last_value: bigint }[]>('SELECT last_value FROM "HistoryKafkaGroup_id_seq"');
    expect(sequenceAfter?.last_value).toBe((sequenceBefore?.last_value ?? 0n) + 1n);
  });

  it('writes a snapshot whole or not at all: a failure in its last table leaves no row of it', async () => {
    const before = await counts();
    // A real failure inside the transaction, after the snapshot, names, group and partition rows
    // were inserted: the stream-group insert raises.
    await database.prisma.$executeRawUnsafe(`CREATE FUNCTION history_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure mid-snapshot'; END $$`);
    await database.prisma.$executeRawUnsafe(`CREATE TRIGGER history_test_fail BEFORE INSERT ON "HistoryStreamGroupSample" FOR EACH ROW EXECUTE FUNCTION history_test_fail()`);
    try {
      const failing = snapshotAt(t0 + 90_000, {
        groups: [groupPoint('prod', 'new-group', [partitionPoint('new-topic', 0, 1, 5)])],
        streamGroups: [streamGroupPoint('events:new', 'new-group')],
        events: [{ clusterId: 'prod', groupId: 'new-group', previousState: 'Empty', state: 'Stable', previousGenerationOrEpoch: null, generationOrEpoch: 1, rebalance: true }],
        sourceErrors: [{ source: 'kafka:other', message: 'cluster: unreachable' }],
      });
      await expect(writeSnapshot(database.prisma, failing)).rejects.toThrow(/forced failure mid-snapshot/);
    } finally {
      await database.prisma.$executeRawUnsafe('DROP TRIGGER history_test_fail ON "HistoryStreamGroupSample"');
      await database.prisma.$executeRawUnsafe('DROP FUNCTION history_test_fail()');
    }
    expect(await counts()).toEqual(before);
  });
});
