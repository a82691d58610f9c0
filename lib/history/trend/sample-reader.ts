import { readLayouts, type LayoutPartition } from '../layouts';
import { byteaValue, decodePartitions, type DecodedPartitions } from '../partition-codec';
import type { SqlClient } from '../sql-client';

/** One group sample with its partitions decoded, for the partition and topic series. */
export interface DecodedSample {
  groupRef: number;
  timeMs: number;
  layout: LayoutPartition[];
  values: DecodedPartitions;
}

interface Row {
  group_ref: number;
  time_ms: number;
  layout_ref: number;
  partition_data: unknown;
}

/** A group sample with its partition data still encoded (decoded where only some values are needed). */
export interface EncodedSample {
  groupRef: number;
  timeMs: number;
  layout: LayoutPartition[];
  data: Uint8Array;
}

/** Samples of these groups in [fromMs, toMs), oldest first, their partition data as stored. */
export async function readEncodedSamples(sql: SqlClient, groupRefs: readonly number[], fromMs: number, toMs: number): Promise<EncodedSample[]> {
  if (groupRefs.length === 0) return [];
  const rows = await sql.$queryRawUnsafe<Row[]>(
    `SELECT g."groupRef" AS group_ref, (extract(epoch FROM g."takenAt") * 1000)::float8 AS time_ms, g."layoutRef" AS layout_ref,
       encode(g."partitionData", 'hex') AS partition_data
     FROM "HistoryGroupSample" g
     WHERE g."groupRef" = ANY($1::int4[]) AND g."takenAt" >= to_timestamp($2::float8 / 1000) AND g."takenAt" < to_timestamp($3::float8 / 1000)
     ORDER BY g."takenAt", g."groupRef"`,
    [...groupRefs],
    fromMs,
    toMs,
  );
  const layouts = await readLayouts(sql, rows.map((row) => row.layout_ref));
  return rows.map((row) => ({ groupRef: row.group_ref, timeMs: row.time_ms, layout: layouts.get(row.layout_ref) ?? [], data: byteaValue(row.partition_data) }));
}

/** Samples of these groups in [fromMs, toMs), oldest first, every partition decoded. */
export async function readDecodedSamples(sql: SqlClient, groupRefs: readonly number[], fromMs: number, toMs: number): Promise<DecodedSample[]> {
  const samples = await readEncodedSamples(sql, groupRefs, fromMs, toMs);
  return samples.map(({ data, ...sample }) => ({ ...sample, values: decodePartitions(data, sample.layout.length) }));
}
