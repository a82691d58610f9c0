import { booleanArrayLiteral, numberArrayLiteral, textArrayLiteral } from './array-literals';
import { nameKey } from './name-refs';
import { encodePartitions } from './partition-codec';
import type { GroupEventInput, GroupPointInput, SourceErrorInput, StreamGroupPointInput } from './snapshot-input';
import type { SqlClient } from './sql-client';

/**
 * Batch inserts of one snapshot's rows: one statement per table, each column sent as one array
 * literal and expanded with unnest, so 2,000 group samples are one round trip and one statement
 * (a multi-row VALUES would need 14 parameters per row and split at PostgreSQL's 65,535 limit).
 */

function refOf(refs: ReadonlyMap<string, number>, first: string, second: string): number {
  const ref = refs.get(nameKey(first, second));
  if (ref === undefined) throw new Error(`history: no id resolved for ${first}/${second}`);
  return ref;
}

export interface PointRefs {
  groups: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, number>;
  streamGroups: ReadonlyMap<string, number>;
}

const roundToTenth = (seconds: number) => Math.round(seconds * 10) / 10;

/** `topicRef.partition,…` in the group's own order: the key of its HistoryPartitionLayout row. */
export function layoutKeyOf(group: GroupPointInput, refs: PointRefs): string {
  return group.partitions.map((partition) => `${refOf(refs.topics, group.clusterId, partition.topic)}.${partition.partition}`).join(',');
}

// Missing layouts are inserted with their arrays parsed from the key; existing ones only read.
const resolveLayoutsSql = `WITH wanted AS (SELECT DISTINCT layout_key FROM unnest($1::text[]) AS w(layout_key)),
added AS (
  INSERT INTO "HistoryPartitionLayout" ("layoutKey", "topicRefs", partitions)
  SELECT w.layout_key,
    coalesce((SELECT array_agg(split_part(entry, '.', 1)::int4 ORDER BY position) FROM unnest(string_to_array(w.layout_key, ',')) WITH ORDINALITY AS e(entry, position)), '{}'),
    coalesce((SELECT array_agg(split_part(entry, '.', 2)::int4 ORDER BY position) FROM unnest(string_to_array(w.layout_key, ',')) WITH ORDINALITY AS e(entry, position)), '{}')
  FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM "HistoryPartitionLayout" l WHERE l."layoutKey" = w.layout_key)
  ON CONFLICT DO NOTHING
  RETURNING id, "layoutKey")
SELECT id, "layoutKey" AS layout_key FROM added
UNION ALL
SELECT l.id, l."layoutKey" FROM "HistoryPartitionLayout" l JOIN wanted w ON l."layoutKey" = w.layout_key`;

/** Layout ids by key, creating the layouts not stored yet (layouts are never changed or deleted). */
export async function resolveLayouts(sql: SqlClient, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await sql.$queryRawUnsafe<{ id: number; layout_key: string }[]>(resolveLayoutsSql, textArrayLiteral(keys));
  return new Map(rows.map((row) => [row.layout_key, row.id]));
}

/**
 * One row per group: its figures, the layout of its partitions and their values encoded
 * (lib/history/partition-codec.ts). Sorted by group ref, so each hour's partition of the primary
 * key is appended in order.
 */
export async function insertGroupSamples(sql: SqlClient, takenAtMs: number, groups: readonly GroupPointInput[], refs: PointRefs): Promise<number> {
  if (groups.length === 0) return 0;
  const keys = groups.map((group) => layoutKeyOf(group, refs));
  const layouts = await resolveLayouts(sql, keys);
  const rows = groups.map((group, index) => ({ group, groupRef: refOf(refs.groups, group.clusterId, group.groupId), layoutRef: layouts.get(keys[index] ?? '') }));
  rows.sort((left, right) => left.groupRef - right.groupRef);
  const numbers = (read: (row: (typeof rows)[number]) => number | null) => numberArrayLiteral(rows.map(read));
  const texts = (read: (group: GroupPointInput) => string) => textArrayLiteral(rows.map((row) => read(row.group)));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupSample" ("takenAt", "totalLag", "lagMax", "groupRef", "layoutRef", "memberCount", "generationOrEpoch",
       "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state, "partitionData")
     SELECT to_timestamp($1::float8 / 1000), total_lag, lag_max, group_ref, layout_ref, member_count, generation_or_epoch,
       slo_compliance, fairness_gini, lag_seconds_max, group_type::"HistoryGroupType", status::"HistoryGroupStatus", state, decode(partition_data, 'hex')
     FROM unnest($2::int8[], $3::int8[], $4::int4[], $5::int4[], $6::int4[], $7::int4[], $8::float4[], $9::float4[], $10::float4[],
       $11::text[], $12::text[], $13::text[], $14::text[])
       AS g(total_lag, lag_max, group_ref, layout_ref, member_count, generation_or_epoch, slo_compliance, fairness_gini, lag_seconds_max,
         group_type, status, state, partition_data)`,
    takenAtMs,
    numbers((row) => row.group.totalLag),
    numbers((row) => row.group.lagMax),
    numbers((row) => row.groupRef),
    numbers((row) => {
      if (row.layoutRef === undefined) throw new Error('history: a partition layout was not resolved');
      return row.layoutRef;
    }),
    numbers((row) => row.group.memberCount),
    numbers((row) => row.group.generationOrEpoch),
    numbers((row) => row.group.sloCompliance),
    numbers((row) => row.group.fairnessGini),
    // Tenths of a second, as the partitions' time lags are kept: the group's max equals theirs.
    numbers((row) => (row.group.lagSecondsMax === null ? null : roundToTenth(row.group.lagSecondsMax))),
    texts((group) => group.groupType),
    texts((group) => group.status),
    texts((group) => group.state),
    `{${rows.map((row) => Buffer.from(encodePartitions(row.group.partitions)).toString('hex')).join(',')}}`,
  );
  return rows.reduce((sum, row) => sum + row.group.partitions.length, 0);
}

export async function insertStreamGroupSamples(sql: SqlClient, takenAtMs: number, streamGroups: readonly StreamGroupPointInput[], refs: PointRefs): Promise<void> {
  if (streamGroups.length === 0) return;
  const numbers = (read: (row: StreamGroupPointInput) => number | null) => numberArrayLiteral(streamGroups.map(read));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryStreamGroupSample" ("takenAt", lag, pending, length, "streamGroupRef", "consumerCount", "lagEstimated")
     SELECT to_timestamp($1::float8 / 1000), lag, pending, length, stream_group_ref, consumer_count, lag_estimated
     FROM unnest($2::int8[], $3::int8[], $4::int8[], $5::int4[], $6::int4[], $7::bool[])
       AS s(lag, pending, length, stream_group_ref, consumer_count, lag_estimated)`,
    takenAtMs,
    numbers((row) => row.lag),
    numbers((row) => row.pending),
    numbers((row) => row.length),
    numbers((row) => refOf(refs.streamGroups, row.stream, row.group)),
    numbers((row) => row.consumerCount),
    booleanArrayLiteral(streamGroups.map((row) => row.lagEstimated)),
  );
}

export async function insertGroupEvents(sql: SqlClient, takenAtMs: number, events: readonly GroupEventInput[], refs: PointRefs): Promise<void> {
  if (events.length === 0) return;
  const numbers = (read: (event: GroupEventInput) => number | null) => numberArrayLiteral(events.map(read));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupEvent" ("takenAt", "groupRef", "previousGenerationOrEpoch", "generationOrEpoch", rebalance, "previousState", state)
     SELECT to_timestamp($1::float8 / 1000), group_ref, previous_generation, generation, rebalance, previous_state, state
     FROM unnest($2::int4[], $3::int4[], $4::int4[], $5::bool[], $6::text[], $7::text[])
       AS e(group_ref, previous_generation, generation, rebalance, previous_state, state)`,
    takenAtMs,
    numbers((event) => refOf(refs.groups, event.clusterId, event.groupId)),
    numbers((event) => event.previousGenerationOrEpoch),
    numbers((event) => event.generationOrEpoch),
    booleanArrayLiteral(events.map((event) => event.rebalance)),
    textArrayLiteral(events.map((event) => event.previousState)),
    textArrayLiteral(events.map((event) => event.state)),
  );
}

export async function insertSourceErrors(sql: SqlClient, snapshotId: number, errors: readonly SourceErrorInput[]): Promise<void> {
  if (errors.length === 0) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistorySourceError" ("snapshotId", source, message) SELECT $1, source, message FROM unnest($2::text[], $3::text[]) AS e(source, message)`,
    snapshotId,
    textArrayLiteral(errors.map((error) => error.source)),
    textArrayLiteral(errors.map((error) => error.message)),
  );
}
