import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseTarget } from '@/lib/db/create-client';
import { defaultMigrationsDirectory } from '@/lib/db/migrate';
import { byteaValue, encodePartitions, type PartitionValues } from '@/lib/history/partition-codec';
import { PersistedGroupHistoryWindow } from '@/lib/history/persisted-window';
import { readStoredPartitions } from '@/lib/history/testing/stored-partitions';
import { readStreamGroupSeries } from '@/lib/history/trend/stream-series';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName } from '../support/test-env';

// The migration to encoded group samples on a database holding rows of the old layout (one row
// per partition), on PostgreSQL and PGlite: every value comes back, encoded byte for byte as the
// writer encodes it, in hourly and daily partitions; the old tables are gone.

const migrationName = '20261204130000_history_compact_partitioned';
const scratchDatabase = `${testDatabaseName}_history_migration`;
const folders: string[] = [];
const folder = (prefix: string) => {
  const created = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(created);
  return created;
};

/** The migrations folder as it was before this migration. */
function migrationsBefore(): string {
  const target = folder('lagboard-migrations-');
  for (const entry of readdirSync(defaultMigrationsDirectory(), { withFileTypes: true })) {
    if (entry.name === migrationName) continue;
    cpSync(path.join(defaultMigrationsDirectory(), entry.name), path.join(target, entry.name), { recursive: true });
  }
  return target;
}

const targets: Array<[string, () => Promise<DatabaseTarget>]> = [
  ['PostgreSQL', async () => ({ databaseUrl: await recreateDatabase(scratchDatabase) })],
  ['PGlite', async () => ({ pgliteDir: folder('lagboard-pglite-migration-') })],
];

afterAll(async () => {
  await dropDatabase(scratchDatabase);
  for (const created of folders) rmSync(created, { recursive: true, force: true });
});

const t0 = Date.UTC(2026, 10, 25, 12, 10);
const t1 = Date.UTC(2026, 10, 25, 13, 5);
const big = 9_007_199_254_000_000;

// Per snapshot id, the partitions of group 1 in the old rows (topic ref 2 = "alpha" sorts first).
const legacyPartitions: Record<number, { topicRef: number; partition: number; values: PartitionValues }[]> = {
  1: [
    { topicRef: 2, partition: 0, values: { committedOffset: 100, logEndOffset: 150, lag: 50, lagSeconds: 2.5 } },
    { topicRef: 2, partition: 1, values: { committedOffset: null, logEndOffset: 80, lag: null, lagSeconds: null } },
    { topicRef: 1, partition: 0, values: { committedOffset: big, logEndOffset: big + 7, lag: 7, lagSeconds: 0 } },
  ],
  // A committed offset past its log end (a signed gap) and a lag that is not the offsets' (log start moved).
  2: [
    { topicRef: 2, partition: 0, values: { committedOffset: 160, logEndOffset: 150, lag: 0, lagSeconds: 0 } },
    { topicRef: 2, partition: 1, values: { committedOffset: 10, logEndOffset: 90, lag: 40, lagSeconds: 12.5 } },
    { topicRef: 1, partition: 0, values: { committedOffset: big, logEndOffset: big + 9, lag: 9, lagSeconds: 1.5 } },
  ],
};

async function seedLegacyRows(database: Database): Promise<void> {
  const sql = (statement: string, ...values: unknown[]) => database.prisma.$executeRawUnsafe(statement, ...values);
  await sql(`INSERT INTO "HistoryKafkaGroup" (id, "clusterId", "groupId") VALUES (1, 'prod', 'orders'), (2, 'prod', 'idle')`);
  await sql(`INSERT INTO "HistoryKafkaTopic" (id, "clusterId", topic) VALUES (1, 'prod', 'beta'), (2, 'prod', 'alpha')`);
  await sql(`INSERT INTO "HistoryStreamGroup" (id, stream, "groupName") VALUES (1, 'events:chat', 'readers')`);
  await sql(`INSERT INTO "HistorySnapshot" (id, "takenAt", "durationMs") VALUES (1, to_timestamp($1::float8 / 1000), 40), (2, to_timestamp($2::float8 / 1000), 41)`, t0, t1);
  for (const snapshotId of [1, 2]) {
    await sql(
      `INSERT INTO "HistoryGroupPoint" ("lagP50", "lagP95", "lagMax", "totalLag", "snapshotId", "groupRef", "memberCount", "generationOrEpoch",
         "partitionCount", "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state)
       VALUES (7, 50, 50, 57, $1, 1, 2, 5, 3, 0.5, 0.25, 2.5, 'consumer', 'WARN', 'Stable'),
              (0, 0, 0, 0, $1, 2, 0, NULL, 0, 1, NULL, NULL, 'classic', 'OK', 'Empty')`,
      snapshotId,
    );
    for (const { topicRef, partition, values } of legacyPartitions[snapshotId] ?? []) {
      await sql(
        `INSERT INTO "HistoryPartitionPoint" ("committedOffset", "logEndOffset", lag, "snapshotId", "groupRef", "topicRef", partition, "lagSeconds")
         VALUES ($1::int8, $2::int8, $3::int8, $4, 1, $5, $6, $7::float4)`,
        values.committedOffset === null ? null : String(values.committedOffset), values.logEndOffset === null ? null : String(values.logEndOffset),
        values.lag === null ? null : String(values.lag), snapshotId, topicRef, partition, values.lagSeconds,
      );
    }
    await sql(
      `INSERT INTO "HistoryStreamGroupPoint" (lag, pending, length, "snapshotId", "streamGroupRef", "consumerCount", "lagEstimated")
       VALUES ($1, 3, 100, $2, 1, 2, false)`, snapshotId === 1 ? null : 12, snapshotId,
    );
  }
  await sql(
    `INSERT INTO "HistoryStreamGroupRollup" ("bucketStart", "lagMin", "lagMax", "pendingMin", "pendingMax", "lengthMin", "lengthMax", "lagAvg",
       "pendingAvg", "lengthAvg", "streamGroupRef", "sampleCount", "lagSamples", "consumerCountMin", "consumerCountMax", "consumerCountAvg")
     VALUES (to_timestamp($1::float8 / 1000), 1, 5, 0, 3, 90, 100, 3, 1.5, 95, 1, 10, 8, 1, 2, 1.5)`,
    Date.UTC(2026, 10, 24, 23, 55),
  );
}

describe.each(targets)('migration to encoded, time-partitioned samples on %s', (_label, target) => {
  it('converts every old row, byte for byte as the writer encodes it', { timeout: 120_000 }, async () => {
    const database = createDatabase(await target());
    try {
      await database.migrate({ migrationsDirectory: migrationsBefore() });
      await seedLegacyRows(database);
      await expect(database.migrate()).resolves.toMatchObject({ applied: [migrationName] });

      // Every partition value, in topic then partition order, with the group's time lag.
      const stored = await readStoredPartitions(database.prisma);
      const expected = [1, 2].flatMap((snapshotId) => (legacyPartitions[snapshotId] ?? [])
        .map(({ topicRef, partition, values }) => ({ topic: topicRef === 2 ? 'alpha' : 'beta', partition, ...values }))
        .sort((left, right) => (left.topic === right.topic ? left.partition - right.partition : left.topic < right.topic ? -1 : 1))
        .map((row) => ({ ...row, clusterId: 'prod', groupId: 'orders', takenAtMs: snapshotId === 1 ? t0 : t1, groupLagSecondsMax: 2.5 })));
      expect(stored).toEqual(expected);

      // The SQL encoder and the writer's agree exactly; the group without partitions has an empty layout.
      const samples = await database.prisma.$queryRawUnsafe<{ group_ref: number; ms: number; data: unknown; layout_key: string; status: string; state: string; gini: number | null }[]>(
        `SELECT g."groupRef" AS group_ref, (extract(epoch FROM g."takenAt") * 1000)::float8 AS ms, g."partitionData" AS data, l."layoutKey" AS layout_key,
           g.status::text AS status, g.state, g."fairnessGini" AS gini
         FROM "HistoryGroupSample" g JOIN "HistoryPartitionLayout" l ON l.id = g."layoutRef" ORDER BY g."takenAt", g."groupRef"`,
      );
      expect(samples.map(({ group_ref, layout_key, status, state, gini }) => ({ group_ref, layout_key, status, state, gini }))).toEqual([
        { group_ref: 1, layout_key: '2.0,2.1,1.0', status: 'WARN', state: 'Stable', gini: 0.25 },
        { group_ref: 2, layout_key: '', status: 'OK', state: 'Empty', gini: null },
        { group_ref: 1, layout_key: '2.0,2.1,1.0', status: 'WARN', state: 'Stable', gini: 0.25 },
        { group_ref: 2, layout_key: '', status: 'OK', state: 'Empty', gini: null },
      ]);
      for (const [index, snapshotId] of [[0, 1], [2, 2]] as const) {
        const sorted = [...(legacyPartitions[snapshotId] ?? [])].sort((left, right) => right.topicRef - left.topicRef || left.partition - right.partition);
        expect([...byteaValue(samples[index]?.data)]).toEqual([...encodePartitions(sorted.map((entry) => entry.values))]);
      }

      // The persisted window reads the migrated points like freshly written ones.
      const window = new PersistedGroupHistoryWindow(async () => database.prisma);
      const points = await window.recentPoints('prod', 'orders', 0);
      expect(points.map((point) => ({ at: point.observedAtMs, state: point.state, generation: point.generationOrEpoch, members: point.memberCount })))
        .toEqual([{ at: t0, state: 'Stable', generation: 5, members: 2 }, { at: t1, state: 'Stable', generation: 5, members: 2 }]);

      // Stream samples and rollups moved into their partitions; the old tables are gone.
      const stream = await readStreamGroupSeries(database.prisma, 1, { stepMs: 3_600_000, alignedFromMs: t0, alignedToMs: t1 + 1, rollup: null, raw: { fromMs: t0, toMs: t1 + 1 } });
      expect(stream.map((point) => ({ samples: point.samples, unknown: point.lag_unknown_samples, lag: point.lag.max }))).toEqual([
        { samples: 1, unknown: 1, lag: null }, { samples: 1, unknown: 0, lag: 12 },
      ]);
      const tables = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT relname AS name FROM pg_class WHERE relkind IN ('r', 'p') AND relname LIKE 'History%' ORDER BY 1`,
      );
      const names = tables.map((row) => row.name);
      expect(names).toEqual(expect.arrayContaining([
        'HistoryGroupSample_h2026112512', 'HistoryGroupSample_h2026112513', 'HistoryStreamGroupSample_h2026112512', 'HistoryStreamGroupRollup_d20261124',
      ]));
      for (const gone of ['HistoryGroupPoint', 'HistoryPartitionPoint', 'HistoryStreamGroupPoint', 'HistoryMigrationSample', 'HistoryGroupRollup_unpartitioned']) {
        expect(names).not.toContain(gone);
      }
      const [rollups] = await database.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "HistoryStreamGroupRollup"');
      expect(rollups?.n).toBe(1);
    } finally {
      await database.close();
    }
  });
});
