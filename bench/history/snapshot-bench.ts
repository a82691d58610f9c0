import type { Database } from '@/lib/db/create-client';
import { syntheticClusterSnapshot } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { relationBytes } from './scratch-database';
import { median, roundMs, timeRepeated } from './timing';

/**
 * One snapshot of 2,000 groups x 24 partitions written with the collector's writer (unnest batch
 * inserts, one transaction), against inserting partition rows one statement at a time (a subset,
 * scaled to 48,000 rows). Then the size the raw tables take per snapshot and per day.
 */

export const groupCount = 2_000;
export const partitionsPerGroup = 24;
const rowAtATimeSubset = 2_400;
const rawTables = ['HistorySnapshot', 'HistoryGroupPoint', 'HistoryPartitionPoint', 'HistoryStreamGroupPoint', 'HistorySourceError',
  'HistoryKafkaGroup', 'HistoryKafkaTopic', 'HistoryGroupTopic'];
const snapshotIntervalMs = 30_000;
const snapshotsPerDay = 86_400_000 / snapshotIntervalMs;
const minute = 60_000;

export interface SnapshotBenchResult {
  groups: number;
  partition_rows: number;
  batch_write_p50_ms: number;
  batch_write_ms: number[];
  row_at_a_time_ms_per_row: number;
  row_at_a_time_scaled_to_snapshot_ms: number;
  ratio_row_at_a_time_to_batch: number;
  bytes_per_snapshot: number;
  bytes_per_partition_row: number;
  raw_bytes_per_day_at_30s: number;
}

async function rowAtATime(database: Database, startMs: number): Promise<number> {
  const [snapshot] = await database.prisma.$queryRawUnsafe<{ id: number }[]>(
    'INSERT INTO "HistorySnapshot" ("takenAt", "durationMs") VALUES (to_timestamp($1::float8 / 1000), 0) RETURNING id',
    startMs,
  );
  const startedAt = performance.now();
  await database.prisma.$transaction(async (transaction) => {
    for (let row = 0; row < rowAtATimeSubset; row += 1) {
      await transaction.$executeRawUnsafe(
        `INSERT INTO "HistoryPartitionPoint" ("committedOffset", "logEndOffset", lag, "snapshotId", "groupRef", "topicRef", partition, "lagSeconds")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        1_000 + row, 1_050 + row, 50, snapshot?.id ?? 0, 1_000_000 + Math.floor(row / partitionsPerGroup), 1, row % partitionsPerGroup, 1.5,
      );
    }
  }, { timeout: 300_000 });
  const elapsedMs = performance.now() - startedAt;
  await database.prisma.$executeRawUnsafe('DELETE FROM "HistoryPartitionPoint" WHERE "snapshotId" = $1', snapshot?.id ?? 0);
  await database.prisma.$executeRawUnsafe('DELETE FROM "HistorySnapshot" WHERE id = $1', snapshot?.id ?? 0);
  return elapsedMs / rowAtATimeSubset;
}

export async function benchSnapshotWrite(database: Database, repetitions: number, startMs: number): Promise<SnapshotBenchResult> {
  const perRowMs = await rowAtATime(database, startMs - minute);
  const bytesBefore = await relationBytes(database, rawTables);
  let sequence = 0;
  const { timesMs } = await timeRepeated(repetitions, async () => {
    sequence += 1;
    const snapshot = syntheticClusterSnapshot(startMs + sequence * snapshotIntervalMs, { clusterId: 'bench', groupCount, partitionsPerGroup, sequence });
    return writeSnapshot(database.prisma, snapshot);
  });
  // VACUUM makes the free space map current, so the size is what the rows take, not dead tuples.
  await database.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const bytesPerSnapshot = ((await relationBytes(database, rawTables)) - bytesBefore) / sequence;
  const partitionRows = groupCount * partitionsPerGroup;
  const batchP50 = median(timesMs);
  return {
    groups: groupCount,
    partition_rows: partitionRows,
    batch_write_p50_ms: roundMs(batchP50),
    batch_write_ms: timesMs,
    row_at_a_time_ms_per_row: Math.round(perRowMs * 1_000) / 1_000,
    row_at_a_time_scaled_to_snapshot_ms: roundMs(perRowMs * partitionRows),
    ratio_row_at_a_time_to_batch: roundMs((perRowMs * partitionRows) / batchP50),
    bytes_per_snapshot: Math.round(bytesPerSnapshot),
    bytes_per_partition_row: roundMs(bytesPerSnapshot / partitionRows),
    raw_bytes_per_day_at_30s: Math.round(bytesPerSnapshot * snapshotsPerDay),
  };
}
