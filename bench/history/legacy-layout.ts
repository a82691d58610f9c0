import type { Database } from '@/lib/db/create-client';
import { numberArrayLiteral } from '@/lib/history/array-literals';
import type { SnapshotInput } from '@/lib/history/snapshot-input';

/**
 * The baseline: the layout history had before (one row per partition per snapshot, keyed
 * (snapshotId, groupRef, topicRef, partition), plus one row per group), re-created in the
 * benchmark's scratch database and written the way its writer did (unnest batch inserts, one
 * transaction), so both layouts are measured on the same snapshots in the same run.
 */

export const legacyTables = ['BenchLegacyGroupPoint', 'BenchLegacyPartitionPoint'];

export async function createLegacyTables(database: Database): Promise<void> {
  await database.prisma.$executeRawUnsafe(`CREATE TABLE "BenchLegacyGroupPoint" (
    "lagP50" BIGINT NOT NULL, "lagP95" BIGINT NOT NULL, "lagMax" BIGINT NOT NULL, "totalLag" BIGINT NOT NULL,
    "snapshotId" INTEGER NOT NULL, "groupRef" INTEGER NOT NULL, "memberCount" INTEGER NOT NULL, "generationOrEpoch" INTEGER,
    "partitionCount" INTEGER NOT NULL, "sloCompliance" REAL NOT NULL, "fairnessGini" REAL, "lagSecondsMax" REAL,
    "groupType" "HistoryGroupType" NOT NULL, status "HistoryGroupStatus" NOT NULL, state TEXT NOT NULL,
    PRIMARY KEY ("groupRef", "snapshotId"))`);
  await database.prisma.$executeRawUnsafe('CREATE INDEX ON "BenchLegacyGroupPoint" ("snapshotId")');
  await database.prisma.$executeRawUnsafe(`CREATE TABLE "BenchLegacyPartitionPoint" (
    "committedOffset" BIGINT, "logEndOffset" BIGINT, lag BIGINT, "snapshotId" INTEGER NOT NULL, "groupRef" INTEGER NOT NULL,
    "topicRef" INTEGER NOT NULL, partition INTEGER NOT NULL, "lagSeconds" REAL,
    PRIMARY KEY ("snapshotId", "groupRef", "topicRef", partition))`);
}

/** One snapshot in the old layout; group i is ref i, topic i is ref i (names are not compared). */
export async function writeLegacySnapshot(database: Database, snapshotId: number, snapshot: SnapshotInput): Promise<void> {
  const groups = snapshot.groups;
  const partitions = groups.flatMap((group, groupRef) => group.partitions.map((partition) => ({ ...partition, groupRef, topicRef: groupRef })));
  const numbers = <T>(rows: readonly T[], read: (row: T) => number | null) => numberArrayLiteral(rows.map(read));
  await database.prisma.$transaction(async (transaction) => {
    await transaction.$executeRawUnsafe(
      `INSERT INTO "BenchLegacyGroupPoint" SELECT p50, p95, lag_max, total_lag, $5, group_ref, member_count, generation, partition_count,
         slo, gini, lag_seconds_max, 'classic', 'OK', 'Stable'
       FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::int8[], $6::int4[], $7::int4[], $8::int4[], $9::int4[], $10::float4[], $11::float4[], $12::float4[])
         AS g(p50, p95, lag_max, total_lag, group_ref, member_count, generation, partition_count, slo, gini, lag_seconds_max)`,
      numbers(groups, (group) => group.lagP50), numbers(groups, (group) => group.lagP95), numbers(groups, (group) => group.lagMax),
      numbers(groups, (group) => group.totalLag), snapshotId, numberArrayLiteral(groups.map((_group, index) => index)),
      numbers(groups, (group) => group.memberCount), numbers(groups, (group) => group.generationOrEpoch), numbers(groups, (group) => group.partitions.length),
      numbers(groups, (group) => group.sloCompliance), numbers(groups, (group) => group.fairnessGini), numbers(groups, (group) => group.lagSecondsMax),
    );
    await transaction.$executeRawUnsafe(
      `INSERT INTO "BenchLegacyPartitionPoint" SELECT committed, log_end, lag, $4, group_ref, topic_ref, partition, lag_seconds
       FROM unnest($1::int8[], $2::int8[], $3::int8[], $5::int4[], $6::int4[], $7::int4[], $8::float4[])
         AS p(committed, log_end, lag, group_ref, topic_ref, partition, lag_seconds)`,
      numbers(partitions, (row) => row.committedOffset), numbers(partitions, (row) => row.logEndOffset), numbers(partitions, (row) => row.lag),
      snapshotId, numbers(partitions, (row) => row.groupRef), numbers(partitions, (row) => row.topicRef),
      numbers(partitions, (row) => row.partition), numbers(partitions, (row) => row.lagSeconds),
    );
  }, { timeout: 120_000 });
}
