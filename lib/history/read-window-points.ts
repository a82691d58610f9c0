import type { GroupWindowPartition, GroupWindowPoint } from './group-window';
import type { SqlClient } from './sql-client';

/**
 * Group window points read back from the snapshot tables: one point per stored snapshot of the
 * group, partitions in the same order the analyses produce them (topic, then partition number),
 * so a point read back equals the point that was written.
 */

interface GroupRow {
  group_ref: number;
  group_id: string;
  snapshot_id: number;
  observed_at_ms: number;
  state: string;
  generation_or_epoch: number | null;
  member_count: number;
}

interface PartitionRow {
  group_ref: number;
  snapshot_id: number;
  topic: string;
  partition: number;
  committed_offset: number | null;
  log_end_offset: number | null;
  lag: number | null;
}

/** Groups are read in batches so that seeding a large cluster never holds every row at once. */
const groupsPerBatch = 200;

function compareTopicPartition(left: GroupWindowPartition, right: GroupWindowPartition): number {
  if (left.topic !== right.topic) return left.topic < right.topic ? -1 : 1;
  return left.partition - right.partition;
}

async function readGroupRows(sql: SqlClient, clusterId: string, groupId: string | null, sinceMs: number): Promise<GroupRow[]> {
  return sql.$queryRawUnsafe<GroupRow[]>(
    `SELECT g."groupRef" AS group_ref, k."groupId" AS group_id, g."snapshotId" AS snapshot_id,
       (extract(epoch FROM s."takenAt") * 1000)::float8 AS observed_at_ms,
       g.state, g."generationOrEpoch" AS generation_or_epoch, g."memberCount" AS member_count
     FROM "HistoryGroupPoint" g
     JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
     JOIN "HistorySnapshot" s ON s.id = g."snapshotId"
     WHERE k."clusterId" = $1 AND ($2::text IS NULL OR k."groupId" = $2) AND s."takenAt" >= to_timestamp($3::float8 / 1000)
     ORDER BY g."groupRef", s."takenAt"`,
    clusterId,
    groupId,
    sinceMs,
  );
}

async function readPartitionRows(sql: SqlClient, groupRefs: number[], snapshotIds: number[]): Promise<PartitionRow[]> {
  return sql.$queryRawUnsafe<PartitionRow[]>(
    `SELECT p."groupRef" AS group_ref, p."snapshotId" AS snapshot_id, t.topic, p.partition,
       p."committedOffset"::float8 AS committed_offset, p."logEndOffset"::float8 AS log_end_offset, p.lag::float8 AS lag
     FROM "HistoryPartitionPoint" p JOIN "HistoryKafkaTopic" t ON t.id = p."topicRef"
     WHERE p."groupRef" = ANY($1::int4[]) AND p."snapshotId" = ANY($2::int4[])`,
    groupRefs,
    snapshotIds,
  );
}

function toPoints(groupRows: GroupRow[], partitionRows: PartitionRow[]): Map<string, GroupWindowPoint[]> {
  const partitionsByPoint = new Map<string, GroupWindowPartition[]>();
  for (const row of partitionRows) {
    const key = `${row.group_ref}:${row.snapshot_id}`;
    const list = partitionsByPoint.get(key) ?? [];
    list.push({ topic: row.topic, partition: row.partition, committedOffset: row.committed_offset, logEndOffset: row.log_end_offset, lag: row.lag });
    partitionsByPoint.set(key, list);
  }
  const pointsByGroup = new Map<string, GroupWindowPoint[]>();
  for (const row of groupRows) {
    const points = pointsByGroup.get(row.group_id) ?? [];
    points.push({
      observedAtMs: row.observed_at_ms,
      state: row.state,
      generationOrEpoch: row.generation_or_epoch,
      memberCount: row.member_count,
      partitions: (partitionsByPoint.get(`${row.group_ref}:${row.snapshot_id}`) ?? []).sort(compareTopicPartition),
    });
    pointsByGroup.set(row.group_id, points);
  }
  return pointsByGroup;
}

/** Points at or after `sinceMs`, oldest first, per group id; one group when `groupId` is given. */
export async function readWindowPoints(sql: SqlClient, clusterId: string, groupId: string | null, sinceMs: number): Promise<Map<string, GroupWindowPoint[]>> {
  const groupRows = await readGroupRows(sql, clusterId, groupId, sinceMs);
  const groupRefs = [...new Set(groupRows.map((row) => row.group_ref))];
  const result = new Map<string, GroupWindowPoint[]>();
  for (let start = 0; start < groupRefs.length; start += groupsPerBatch) {
    const batchRefs = new Set(groupRefs.slice(start, start + groupsPerBatch));
    const batchRows = groupRows.filter((row) => batchRefs.has(row.group_ref));
    const snapshotIds = [...new Set(batchRows.map((row) => row.snapshot_id))];
    const partitionRows = await readPartitionRows(sql, [...batchRefs], snapshotIds);
    for (const [id, points] of toPoints(batchRows, partitionRows)) result.set(id, points);
  }
  return result;
}
