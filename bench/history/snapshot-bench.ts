import type { Database } from '@/lib/db/create-client';
import { syntheticClusterSnapshot } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { createLegacyTables, legacyTables, writeLegacySnapshot } from './legacy-layout';
import { relationBytes } from './scratch-database';
import { median, roundMs } from './timing';

/**
 * Snapshots of 2,000 groups x 24 partitions written with the collector's writer (one row per
 * group with its partitions encoded, one transaction), against the same snapshots written in the
 * old layout (one row per partition) in the same run: write time and the bytes each takes on disk,
 * indexes included. Then one snapshot of 50,000 partitions (2,000 groups x 25) timed on its own.
 */

export const groupCount = 2_000;
export const partitionsPerGroup = 24;
const largePartitionsPerGroup = 25;
const rawTables = ['HistorySnapshot', 'HistoryGroupSample', 'HistoryPartitionLayout', 'HistoryStreamGroupSample', 'HistorySourceError',
  'HistoryKafkaGroup', 'HistoryKafkaTopic', 'HistoryGroupTopic'];
const snapshotIntervalMs = 30_000;
const snapshotsPerDay = 86_400_000 / snapshotIntervalMs;

export interface SnapshotBenchResult {
  groups: number;
  partition_samples_per_snapshot: number;
  write_p50_ms: number;
  write_ms: number[];
  legacy_write_p50_ms: number;
  legacy_write_ms: number[];
  large_snapshot_partitions: number;
  large_write_p50_ms: number;
  large_write_ms: number[];
  bytes_per_snapshot: number;
  bytes_per_partition_sample: number;
  legacy_bytes_per_partition_sample: number;
  ratio_legacy_to_new_bytes: number;
  raw_bytes_per_day_at_30s: number;
  legacy_raw_bytes_per_day_at_30s: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return roundMs(performance.now() - startedAt);
}

export async function benchSnapshotWrite(database: Database, repetitions: number, startMs: number): Promise<SnapshotBenchResult> {
  await createLegacyTables(database);
  const snapshotAt = (sequence: number, partitions = partitionsPerGroup) =>
    syntheticClusterSnapshot(startMs + sequence * snapshotIntervalMs, { clusterId: 'bench', groupCount, partitionsPerGroup: partitions, sequence });
  // A first snapshot of each layout creates the names, layouts and partitions (once per install).
  await writeSnapshot(database.prisma, snapshotAt(0));
  await writeLegacySnapshot(database, 0, snapshotAt(0));
  await database.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const bytesBefore = await relationBytes(database, rawTables);
  const legacyBytesBefore = await relationBytes(database, legacyTables);
  const writeMs: number[] = [];
  const legacyWriteMs: number[] = [];
  for (let sequence = 1; sequence <= repetitions; sequence += 1) {
    const snapshot = snapshotAt(sequence);
    // Alternating, so both layouts see the same load on this shared machine.
    writeMs.push(await timed(() => writeSnapshot(database.prisma, snapshot)));
    legacyWriteMs.push(await timed(() => writeLegacySnapshot(database, sequence, snapshot)));
  }
  // VACUUM makes the free space map current, so the size is what the rows take, not dead tuples.
  await database.prisma.$executeRawUnsafe('VACUUM ANALYZE');
  const bytesPerSnapshot = ((await relationBytes(database, rawTables)) - bytesBefore) / repetitions;
  const legacyBytesPerSnapshot = ((await relationBytes(database, legacyTables)) - legacyBytesBefore) / repetitions;

  const largeWriteMs: number[] = [];
  for (let run = 0; run <= repetitions; run += 1) {
    const snapshot = snapshotAt(1_000 + run, largePartitionsPerGroup);
    const elapsedMs = await timed(() => writeSnapshot(database.prisma, snapshot));
    // The first one creates the 25-partition layouts: not what a steady pass costs.
    if (run > 0) largeWriteMs.push(elapsedMs);
  }

  const partitionSamples = groupCount * partitionsPerGroup;
  return {
    groups: groupCount,
    partition_samples_per_snapshot: partitionSamples,
    write_p50_ms: roundMs(median(writeMs)),
    write_ms: writeMs,
    legacy_write_p50_ms: roundMs(median(legacyWriteMs)),
    legacy_write_ms: legacyWriteMs,
    large_snapshot_partitions: groupCount * largePartitionsPerGroup,
    large_write_p50_ms: roundMs(median(largeWriteMs)),
    large_write_ms: largeWriteMs,
    bytes_per_snapshot: Math.round(bytesPerSnapshot),
    bytes_per_partition_sample: roundMs(bytesPerSnapshot / partitionSamples),
    legacy_bytes_per_partition_sample: roundMs(legacyBytesPerSnapshot / partitionSamples),
    ratio_legacy_to_new_bytes: roundMs(legacyBytesPerSnapshot / bytesPerSnapshot),
    raw_bytes_per_day_at_30s: Math.round(bytesPerSnapshot * snapshotsPerDay),
    legacy_raw_bytes_per_day_at_30s: Math.round(legacyBytesPerSnapshot * snapshotsPerDay),
  };
}
