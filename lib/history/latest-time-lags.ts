import { readLayouts } from './layouts';
import { nanToNull } from './partition-layout';
import { byteaValue, decodePartitions } from './partition-codec';
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

interface SampleRow {
  group_id: string;
  layout_ref: number;
  partition_data: unknown;
}

const maxOf = (values: readonly (number | null)[]) =>
  values.reduce<number | null>((largest, value) => (value === null ? largest : Math.max(largest ?? value, value)), null);

/**
 * Time lag per partition, per group (max) and per topic (max) from the newest snapshot that holds
 * the cluster: what the Kafka API and /api/metrics show as lag in seconds. The collector computes
 * it when it writes the snapshot (lib/analysis/group-time-lags.ts over the stored log-end points).
 */
export async function readLatestTimeLags(sql: SqlClient, clusterId: string): Promise<LatestTimeLags> {
  // The cluster's own snapshots, and those written for every source at once (before collection
  // per source) that hold one of its groups.
  const [latest] = await sql.$queryRawUnsafe<{ taken_at_ms: number | null }[]>(
    `SELECT (extract(epoch FROM greatest(
       (SELECT max("takenAt") FROM "HistorySnapshot" WHERE source = 'kafka:' || $1),
       (SELECT s."takenAt" FROM "HistorySnapshot" s WHERE s.source = 'all'
          AND EXISTS (SELECT 1 FROM "HistoryGroupSample" g JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
                      WHERE g."takenAt" = s."takenAt" AND k."clusterId" = $1)
          ORDER BY s."takenAt" DESC LIMIT 1))) * 1000)::float8 AS taken_at_ms`,
    clusterId,
  );
  const takenAtMs = latest?.taken_at_ms ?? null;
  if (takenAtMs === null) return { clusterId, takenAtMs: null, groups: [], topics: [] };
  const rows = await sql.$queryRawUnsafe<SampleRow[]>(
    `SELECT k."groupId" AS group_id, g."layoutRef" AS layout_ref, encode(g."partitionData", 'hex') AS partition_data
     FROM "HistoryGroupSample" g JOIN "HistoryKafkaGroup" k ON k.id = g."groupRef"
     WHERE g."takenAt" = to_timestamp($1::float8 / 1000) AND k."clusterId" = $2`,
    takenAtMs,
    clusterId,
  );
  const layouts = await readLayouts(sql, rows.map((row) => row.layout_ref));
  const byGroup = new Map<string, PartitionTimeLagReading[]>();
  const byTopic = new Map<string, (number | null)[]>();
  // Appended in place: copying the arrays per row would be quadratic in a topic's partitions x groups.
  for (const row of rows) {
    const layout = layouts.get(row.layout_ref) ?? [];
    const decoded = decodePartitions(byteaValue(row.partition_data), layout.length);
    const groupReadings = byGroup.get(row.group_id) ?? [];
    layout.forEach(({ topic, partition }, index) => {
      const lagSeconds = nanToNull(decoded.lagSeconds[index]);
      groupReadings.push({ topic, partition, lagSeconds });
      const topicReadings = byTopic.get(topic) ?? [];
      topicReadings.push(lagSeconds);
      byTopic.set(topic, topicReadings);
    });
    byGroup.set(row.group_id, groupReadings);
  }
  return {
    clusterId,
    takenAtMs,
    groups: [...byGroup].map(([groupId, partitions]) => ({ groupId, lagSecondsMax: maxOf(partitions.map((entry) => entry.lagSeconds)), partitions })),
    topics: [...byTopic].map(([topic, values]) => ({ topic, lagSecondsMax: maxOf(values) })),
  };
}
