import type { GroupWindowPartition, GroupWindowPoint } from './group-window';
import { readLayouts } from './layouts';
import { nanToNull } from './partition-layout';
import { byteaValue, decodePartitions } from './partition-codec';
import type { SqlClient } from './sql-client';

/**
 * Group window points read back from the group samples: one point per stored sample of the group,
 * partitions in the same order the analyses produce them (topic, then partition number), so a
 * point read back equals the point that was written.
 */

interface SampleRow {
  group_id: string;
  observed_at_ms: number;
  state: string;
  generation_or_epoch: number | null;
  member_count: number;
  layout_ref: number;
  partition_data: unknown;
}

function compareTopicPartition(left: GroupWindowPartition, right: GroupWindowPartition): number {
  if (left.topic !== right.topic) return left.topic < right.topic ? -1 : 1;
  return left.partition - right.partition;
}

/** Points at or after `sinceMs`, oldest first, per group id; one group when `groupId` is given. */
export async function readWindowPoints(sql: SqlClient, clusterId: string, groupId: string | null, sinceMs: number): Promise<Map<string, GroupWindowPoint[]>> {
  const rows = await sql.$queryRawUnsafe<SampleRow[]>(
    `SELECT k."groupId" AS group_id, (extract(epoch FROM g."takenAt") * 1000)::float8 AS observed_at_ms,
       g.state, g."generationOrEpoch" AS generation_or_epoch, g."memberCount" AS member_count, g."layoutRef" AS layout_ref,
       encode(g."partitionData", 'hex') AS partition_data
     FROM "HistoryGroupSample" g
     JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
     WHERE k."clusterId" = $1 AND ($2::text IS NULL OR k."groupId" = $2) AND g."takenAt" >= to_timestamp($3::float8 / 1000)
     ORDER BY g."groupRef", g."takenAt"`,
    clusterId,
    groupId,
    sinceMs,
  );
  const layouts = await readLayouts(sql, rows.map((row) => row.layout_ref));
  const result = new Map<string, GroupWindowPoint[]>();
  for (const row of rows) {
    const layout = layouts.get(row.layout_ref) ?? [];
    const decoded = decodePartitions(byteaValue(row.partition_data), layout.length);
    const partitions = layout.map(({ topic, partition }, index): GroupWindowPartition => ({
      topic,
      partition,
      committedOffset: nanToNull(decoded.committedOffset[index]),
      logEndOffset: nanToNull(decoded.logEndOffset[index]),
      lag: nanToNull(decoded.lag[index]),
    }));
    const points = result.get(row.group_id) ?? [];
    points.push({
      observedAtMs: row.observed_at_ms,
      state: row.state,
      generationOrEpoch: row.generation_or_epoch,
      memberCount: row.member_count,
      partitions: partitions.sort(compareTopicPartition),
    });
    result.set(row.group_id, points);
  }
  return result;
}
