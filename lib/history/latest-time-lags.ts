import type { SqlClient } from './sql-client';

export interface PartitionTimeLagReading {
  topic: string;
  partition: number;
  /** null when unknown (never committed, or too few snapshots to read a production rate). */
  lagSeconds: number | null;
}

export interface LatestTimeLags {
  clusterId: string;
  /** The snapshot the figures come from; null when no snapshot holds this cluster yet. */
  takenAtMs: number | null;
  groups: { groupId: string; lagSecondsMax: number | null; partitions: PartitionTimeLagReading[] }[];
  /** Per topic, the largest time lag over its partitions and all groups consuming it. */
  topics: { topic: string; lagSecondsMax: number | null }[];
}

interface Row {
  group_id: string;
  topic: string;
  partition: number;
  lag_seconds: number | null;
}

const maxOf = (values: readonly (number | null)[]) =>
  values.reduce<number | null>((largest, value) => (value === null ? largest : Math.max(largest ?? value, value)), null);

/**
 * Time lag per partition, per group (max) and per topic (max) from the newest snapshot that holds
 * the cluster: what the Kafka API and /api/metrics show as lag in seconds. The collector computes
 * it when it writes the snapshot (lib/analysis/group-time-lags.ts over the stored log-end points).
 */
export async function readLatestTimeLags(sql: SqlClient, clusterId: string): Promise<LatestTimeLags> {
  const [latest] = await sql.$queryRawUnsafe<{ id: number; taken_at_ms: number }[]>(
    `SELECT s.id, (extract(epoch FROM s."takenAt") * 1000)::float8 AS taken_at_ms FROM "HistorySnapshot" s
     WHERE EXISTS (SELECT 1 FROM "HistoryGroupPoint" g JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
                   WHERE g."snapshotId" = s.id AND k."clusterId" = $1)
     ORDER BY s."takenAt" DESC LIMIT 1`,
    clusterId,
  );
  if (!latest) return { clusterId, takenAtMs: null, groups: [], topics: [] };
  const rows = await sql.$queryRawUnsafe<Row[]>(
    `SELECT k."groupId" AS group_id, t.topic, p.partition, p."lagSeconds"::float8 AS lag_seconds
     FROM "HistoryPartitionPoint" p
     JOIN "HistoryKafkaGroup" k ON k.id = p."groupRef"
     JOIN "HistoryKafkaTopic" t ON t.id = p."topicRef"
     WHERE p."snapshotId" = $1 AND k."clusterId" = $2`,
    latest.id,
    clusterId,
  );
  const byGroup = new Map<string, PartitionTimeLagReading[]>();
  const byTopic = new Map<string, (number | null)[]>();
  // Appended in place: copying the arrays per row would be quadratic in a topic's partitions x groups.
  for (const row of rows) {
    const groupReadings = byGroup.get(row.group_id) ?? [];
    groupReadings.push({ topic: row.topic, partition: row.partition, lagSeconds: row.lag_seconds });
    byGroup.set(row.group_id, groupReadings);
    const topicReadings = byTopic.get(row.topic) ?? [];
    topicReadings.push(row.lag_seconds);
    byTopic.set(row.topic, topicReadings);
  }
  return {
    clusterId,
    takenAtMs: latest.taken_at_ms,
    groups: [...byGroup].map(([groupId, partitions]) => ({ groupId, lagSecondsMax: maxOf(partitions.map((entry) => entry.lagSeconds)), partitions })),
    topics: [...byTopic].map(([topic, values]) => ({ topic, lagSecondsMax: maxOf(values) })),
  };
}
