import { readRolledUntilMs } from './rollup';
import type { SqlClient } from './sql-client';

export interface RetentionOptions {
  nowMs: number;
  retentionRawMs: number;
  retentionRollupMs: number;
  /** Rows per DELETE statement: each statement is its own short transaction. */
  batchRows?: number;
  /** DELETE statements per call (at least 8); the rest waits for the next call (the next collector pass). */
  maxStatements?: number;
}

export interface RetentionResult {
  deletedRows: number;
  deletedSnapshots: number;
  /** False when the budget ran out before everything expired was deleted. */
  finished: boolean;
}

const snapshotsPerCall = 20;
const snapshotChildTables = ['"HistoryPartitionPoint"', '"HistoryGroupPoint"', '"HistoryStreamGroupPoint"', '"HistorySourceError"'] as const;
const rollupTables = [
  { table: '"HistoryGroupRollup"', timeColumn: '"bucketStart"' },
  { table: '"HistoryStreamGroupRollup"', timeColumn: '"bucketStart"' },
  { table: '"HistoryGroupEvent"', timeColumn: '"takenAt"' },
] as const;

class StatementBudget {
  deletedRows = 0;
  constructor(private remaining: number, readonly batchRows: number) {}
  get exhausted(): boolean {
    return this.remaining <= 0;
  }

  /** Runs a bounded DELETE until it deletes less than a batch; false if the budget ran out first. */
  async deleteAll(sql: SqlClient, statement: string, ...parameters: unknown[]): Promise<boolean> {
    while (this.remaining > 0) {
      this.remaining -= 1;
      const deleted = await sql.$executeRawUnsafe(statement, ...parameters, this.batchRows);
      this.deletedRows += deleted;
      if (deleted < this.batchRows) return true;
    }
    return false;
  }
}

/**
 * Deletes raw snapshots older than `retentionRawMs` (only once their buckets are rolled up, so no
 * data disappears before its rollup exists) and rollups and events older than
 * `retentionRollupMs`, in bounded batches: rows go by ctid, at most `batchRows` per statement and
 * `maxStatements` statements per call, so a backlog after a long outage is worked off over
 * several passes instead of one long lock-holding transaction.
 */
export async function applyRetention(sql: SqlClient, options: RetentionOptions): Promise<RetentionResult> {
  // At least one statement per table and one more, so every call makes progress: tables emptied by
  // an earlier call cost a statement each to confirm, and must not use up the whole budget.
  const minimumStatements = snapshotChildTables.length + rollupTables.length + 1;
  const budget = new StatementBudget(Math.max(options.maxStatements ?? 40, minimumStatements), options.batchRows ?? 20_000);
  const rolledUntilMs = await readRolledUntilMs(sql);
  const rawCutoffMs = rolledUntilMs === null ? null : Math.min(options.nowMs - options.retentionRawMs, rolledUntilMs);
  let deletedSnapshots = 0;
  let finished = true;
  if (rawCutoffMs !== null) {
    const expired = await sql.$queryRawUnsafe<{ id: number }[]>(
      'SELECT id FROM "HistorySnapshot" WHERE "takenAt" < to_timestamp($1::float8 / 1000) ORDER BY "takenAt" LIMIT $2',
      rawCutoffMs,
      snapshotsPerCall,
    );
    const ids = expired.map((row) => row.id);
    for (const table of ids.length > 0 ? snapshotChildTables : []) {
      finished &&= await budget.deleteAll(
        sql,
        `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE "snapshotId" = ANY($1::int4[]) LIMIT $2))`,
        ids,
      );
      if (!finished) break;
    }
    if (finished && ids.length > 0) {
      deletedSnapshots = await sql.$executeRawUnsafe('DELETE FROM "HistorySnapshot" WHERE id = ANY($1::int4[])', ids);
      finished = ids.length < snapshotsPerCall;
    }
  }
  const rollupCutoffMs = options.nowMs - options.retentionRollupMs;
  for (const { table, timeColumn } of rollupTables) {
    if (budget.exhausted) {
      finished = false;
      break;
    }
    finished = (await budget.deleteAll(
      sql,
      `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${timeColumn} < to_timestamp($1::float8 / 1000) LIMIT $2))`,
      rollupCutoffMs,
    )) && finished;
  }
  return { deletedRows: budget.deletedRows + deletedSnapshots, deletedSnapshots, finished };
}
