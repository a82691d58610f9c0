import { readRolledUntilMs } from './rollup';
import type { SqlClient } from './sql-client';
import { dropTimePartitionsBefore, groupSampleTable, HOUR_MS, listTimePartitions, rollupTables, sampleTables } from './time-partitions';

export interface RetentionOptions {
  nowMs: number;
  retentionRawMs: number;
  retentionRollupMs: number;
  /** Rows per DELETE statement for the group events (the one table not partitioned by time). */
  batchRows?: number;
  /** DELETE statements of group events per call; the rest waits for the next call. */
  maxStatements?: number;
}

export interface RetentionResult {
  /** Snapshot, source-error and event rows deleted (the small tables). */
  deletedRows: number;
  deletedSnapshots: number;
  /** Time partitions dropped whole (samples and rollups). */
  droppedPartitions: number;
  /** False when the event deletes ran out of budget before everything expired was deleted. */
  finished: boolean;
}

/**
 * Raw samples older than `retentionRawMs` go by dropping their hourly partitions, once the whole
 * hour is both past the retention and rolled up (so no data disappears before its rollup exists);
 * the snapshot rows of those hours (a few per source per interval) and their source errors go with
 * them. Rollup partitions (one per day) go once the whole day is older than `retentionRollupMs`.
 * Each drop costs the same whatever the number of rows: no backlog builds up after an outage, and
 * nothing is left to vacuum. Only the group events, a few rows per rebalance, are deleted by time
 * in bounded batches.
 */
export async function applyRetention(sql: SqlClient, options: RetentionOptions): Promise<RetentionResult> {
  const batchRows = options.batchRows ?? 20_000;
  const rolledUntilMs = await readRolledUntilMs(sql);
  const rawCutoffMs = rolledUntilMs === null ? null : Math.min(options.nowMs - options.retentionRawMs, rolledUntilMs);
  let droppedPartitions = 0;
  let deletedRows = 0;
  let deletedSnapshots = 0;
  if (rawCutoffMs !== null) {
    for (const table of sampleTables) droppedPartitions += (await dropTimePartitionsBefore(sql, table, rawCutoffMs)).length;
    // Snapshot rows go with the hours whose samples went: before the oldest hour still kept.
    const [oldestKept] = await listTimePartitions(sql, groupSampleTable);
    const snapshotCutoffMs = Math.min(Math.floor(rawCutoffMs / HOUR_MS) * HOUR_MS, oldestKept?.startMs ?? Number.POSITIVE_INFINITY);
    deletedRows += await sql.$executeRawUnsafe(
      `DELETE FROM "HistorySourceError" WHERE "snapshotId" IN (SELECT id FROM "HistorySnapshot" WHERE "takenAt" < to_timestamp($1::float8 / 1000))`,
      snapshotCutoffMs,
    );
    deletedSnapshots = await sql.$executeRawUnsafe('DELETE FROM "HistorySnapshot" WHERE "takenAt" < to_timestamp($1::float8 / 1000)', snapshotCutoffMs);
  }
  const rollupCutoffMs = options.nowMs - options.retentionRollupMs;
  for (const table of rollupTables) droppedPartitions += (await dropTimePartitionsBefore(sql, table, rollupCutoffMs)).length;
  let finished = false;
  for (let statement = 0; statement < Math.max(1, options.maxStatements ?? 40); statement += 1) {
    const deleted = await sql.$executeRawUnsafe(
      `DELETE FROM "HistoryGroupEvent" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "HistoryGroupEvent" WHERE "takenAt" < to_timestamp($1::float8 / 1000) LIMIT $2))`,
      rollupCutoffMs,
      batchRows,
    );
    deletedRows += deleted;
    if (deleted < batchRows) {
      finished = true;
      break;
    }
  }
  return { deletedRows: deletedRows + deletedSnapshots, deletedSnapshots, droppedPartitions, finished };
}
