import { readLayouts } from '../layouts';
import { nanToNull } from '../partition-layout';
import { byteaValue, decodePartitions } from '../partition-codec';
import type { SqlClient } from '../sql-client';

/** One partition of one stored group sample, decoded: what the tests compare with Kafka's own figures. */
export interface StoredPartitionRow {
  clusterId: string;
  groupId: string;
  takenAtMs: number;
  topic: string;
  partition: number;
  committedOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  lagSeconds: number | null;
  groupLagSecondsMax: number | null;
}

/** Every stored partition value (of one group when `groupId` is given), oldest sample first. */
export async function readStoredPartitions(sql: SqlClient, groupId: string | null = null): Promise<StoredPartitionRow[]> {
  const rows = await sql.$queryRawUnsafe<{ cluster_id: string; group_id: string; taken_at_ms: number; layout_ref: number; data: unknown; lag_seconds_max: number | null }[]>(
    `SELECT k."clusterId" AS cluster_id, k."groupId" AS group_id, (extract(epoch FROM g."takenAt") * 1000)::float8 AS taken_at_ms,
       g."layoutRef" AS layout_ref, encode(g."partitionData", 'hex') AS data, g."lagSecondsMax"::float8 AS lag_seconds_max
     FROM "HistoryGroupSample" g JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
     WHERE $1::text IS NULL OR k."groupId" = $1 ORDER BY g."takenAt", k."clusterId", k."groupId"`,
    groupId,
  );
  const layouts = await readLayouts(sql, rows.map((row) => row.layout_ref));
  return rows.flatMap((row) => {
    const layout = layouts.get(row.layout_ref) ?? [];
    const values = decodePartitions(byteaValue(row.data), layout.length);
    return layout.map(({ topic, partition }, index) => ({
      clusterId: row.cluster_id,
      groupId: row.group_id,
      takenAtMs: row.taken_at_ms,
      topic,
      partition,
      committedOffset: nanToNull(values.committedOffset[index]),
      logEndOffset: nanToNull(values.logEndOffset[index]),
      lag: nanToNull(values.lag[index]),
      lagSeconds: nanToNull(values.lagSeconds[index]),
      groupLagSecondsMax: row.lag_seconds_max,
    }));
  });
}
