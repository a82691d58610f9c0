import type { SqlClient } from './sql-client';

/**
 * The history tables that are partitioned by time (PostgreSQL declarative partitioning, declared
 * by the migration). Samples get one partition per hour, rollups one per day, all in UTC and named
 * `<table>_h<yyyymmddhh>` / `<table>_d<yyyymmdd>`. Partitions are created ahead of the rows that
 * need them and dropped whole by retention: a DROP TABLE costs the same whatever the rows, where
 * deleting a day of 48,000-partition snapshots row by row took minutes of I/O and left bloat.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface PartitionedTable {
  table: string;
  widthMs: number;
}

export const groupSampleTable: PartitionedTable = { table: 'HistoryGroupSample', widthMs: HOUR_MS };
export const streamGroupSampleTable: PartitionedTable = { table: 'HistoryStreamGroupSample', widthMs: HOUR_MS };
export const groupRollupTable: PartitionedTable = { table: 'HistoryGroupRollup', widthMs: DAY_MS };
export const streamGroupRollupTable: PartitionedTable = { table: 'HistoryStreamGroupRollup', widthMs: DAY_MS };
export const sampleTables = [groupSampleTable, streamGroupSampleTable] as const;
export const rollupTables = [groupRollupTable, streamGroupRollupTable] as const;

const digits = (value: number, width = 2) => String(value).padStart(width, '0');

export function partitionName(partitioned: PartitionedTable, startMs: number): string {
  const start = new Date(startMs);
  const day = `${digits(start.getUTCFullYear(), 4)}${digits(start.getUTCMonth() + 1)}${digits(start.getUTCDate())}`;
  return partitioned.widthMs === HOUR_MS ? `${partitioned.table}_h${day}${digits(start.getUTCHours())}` : `${partitioned.table}_d${day}`;
}

/** The start of the partition a name stands for, or null for a name this module did not give. */
export function partitionStartMs(partitioned: PartitionedTable, name: string): number | null {
  const match = new RegExp(`^${partitioned.table}_(h|d)(\\d{4})(\\d{2})(\\d{2})(\\d{2})?$`).exec(name);
  if (!match) return null;
  const [, , year, month, day, hour] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0));
}

const floorTo = (timeMs: number, widthMs: number) => Math.floor(timeMs / widthMs) * widthMs;

// Partitions known to exist, per database client: creating them is DDL, needed once an hour.
const knownPartitions = new WeakMap<object, Set<string>>();

function known(sql: SqlClient): Set<string> {
  let names = knownPartitions.get(sql);
  if (!names) {
    names = new Set();
    knownPartitions.set(sql, names);
  }
  return names;
}

/** Advisory lock key for partition DDL, so two collectors never create the same one at once. */
const lockNamespace = 0x4c414742; // "LAGB"
const partitionLockId = 3;

/**
 * Creates every partition of `tables` that [fromMs, toMs] touches and that does not exist yet.
 * Runs before the snapshot transaction (DDL takes a lock on the parent table), under an advisory
 * lock so collectors of different sources never race on the same partition.
 */
export async function ensureTimePartitions(
  database: SqlClient & { $transaction<T>(run: (sql: SqlClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> },
  tables: readonly PartitionedTable[],
  fromMs: number,
  toMs: number,
): Promise<void> {
  const names = known(database);
  const wanted: { partitioned: PartitionedTable; name: string; startMs: number }[] = [];
  for (const partitioned of tables) {
    for (let startMs = floorTo(fromMs, partitioned.widthMs); startMs <= toMs; startMs += partitioned.widthMs) {
      const name = partitionName(partitioned, startMs);
      if (!names.has(name)) wanted.push({ partitioned, name, startMs });
    }
  }
  if (wanted.length === 0) return;
  await database.$transaction(async (sql) => {
    await sql.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1, $2)', lockNamespace, partitionLockId);
    const existing = await sql.$queryRawUnsafe<{ name: string }[]>(
      'SELECT relname AS name FROM pg_class WHERE relname = ANY($1::text[])',
      wanted.map((entry) => entry.name),
    );
    const present = new Set(existing.map((row) => row.name));
    for (const { partitioned, name, startMs } of wanted) {
      if (present.has(name)) continue;
      // Names and bounds come from numbers formatted here, never from input.
      await sql.$executeRawUnsafe(
        `CREATE TABLE "${name}" PARTITION OF "${partitioned.table}" FOR VALUES FROM ('${new Date(startMs).toISOString()}') TO ('${new Date(startMs + partitioned.widthMs).toISOString()}')`,
      );
    }
  }, { timeout: 120_000, maxWait: 10_000 });
  for (const { name } of wanted) names.add(name);
}

export interface TimePartition {
  name: string;
  startMs: number;
  endMs: number;
}

/** The partitions of a table, oldest first. */
export async function listTimePartitions(sql: SqlClient, partitioned: PartitionedTable): Promise<TimePartition[]> {
  const rows = await sql.$queryRawUnsafe<{ name: string }[]>(
    `SELECT child.relname AS name FROM pg_inherits i
     JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent
     WHERE parent.relname = $1`,
    partitioned.table,
  );
  return rows
    .flatMap(({ name }) => {
      const startMs = partitionStartMs(partitioned, name);
      return startMs === null ? [] : [{ name, startMs, endMs: startMs + partitioned.widthMs }];
    })
    .sort((left, right) => left.startMs - right.startMs);
}

/** Drops the partitions that end at or before `cutoffMs`; one statement each, whatever their rows. */
export async function dropTimePartitionsBefore(sql: SqlClient, partitioned: PartitionedTable, cutoffMs: number): Promise<TimePartition[]> {
  const expired = (await listTimePartitions(sql, partitioned)).filter((partition) => partition.endMs <= cutoffMs);
  for (const partition of expired) {
    await sql.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partition.name}"`);
    known(sql).delete(partition.name);
  }
  return expired;
}

/** Forgets the partitions this process believes exist (after another process dropped some). */
export function forgetKnownPartitions(sql: SqlClient): void {
  knownPartitions.delete(sql);
}
