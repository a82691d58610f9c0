import { booleanArrayLiteral, numberArrayLiteral, textArrayLiteral } from './array-literals';
import { nameKey } from './name-refs';
import type { GroupEventInput, GroupPointInput, SourceErrorInput, StreamGroupPointInput } from './snapshot-input';
import type { SqlClient } from './sql-client';

/**
 * Batch inserts of one snapshot's rows: one statement per table, each column sent as one array
 * literal and expanded with unnest, so 48,000 partition rows are one round trip and one statement
 * (a multi-row VALUES would need 8 parameters per row and split at PostgreSQL's 65,535 limit).
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

export async function insertGroupPoints(sql: SqlClient, snapshotId: number, groups: readonly GroupPointInput[], refs: PointRefs): Promise<void> {
  if (groups.length === 0) return;
  const numbers = (read: (group: GroupPointInput) => number | null) => numberArrayLiteral(groups.map(read));
  const texts = (read: (group: GroupPointInput) => string) => textArrayLiteral(groups.map(read));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupPoint" ("lagP50", "lagP95", "lagMax", "totalLag", "snapshotId", "groupRef", "memberCount",
       "generationOrEpoch", "partitionCount", "sloCompliance", "fairnessGini", "lagSecondsMax", "groupType", status, state)
     SELECT p50, p95, lag_max, total_lag, $5, group_ref, member_count, generation_or_epoch, partition_count,
       slo_compliance, fairness_gini, lag_seconds_max, group_type::"HistoryGroupType", status::"HistoryGroupStatus", state
     FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::int8[], $6::int4[], $7::int4[], $8::int4[], $9::int4[],
       $10::float4[], $11::float4[], $12::float4[], $13::text[], $14::text[], $15::text[])
       AS g(p50, p95, lag_max, total_lag, group_ref, member_count, generation_or_epoch, partition_count,
         slo_compliance, fairness_gini, lag_seconds_max, group_type, status, state)`,
    numbers((group) => group.lagP50),
    numbers((group) => group.lagP95),
    numbers((group) => group.lagMax),
    numbers((group) => group.totalLag),
    snapshotId,
    numbers((group) => refOf(refs.groups, group.clusterId, group.groupId)),
    numbers((group) => group.memberCount),
    numbers((group) => group.generationOrEpoch),
    numbers((group) => group.partitions.length),
    numbers((group) => group.sloCompliance),
    numbers((group) => group.fairnessGini),
    numbers((group) => group.lagSecondsMax),
    texts((group) => group.groupType),
    texts((group) => group.status),
    texts((group) => group.state),
  );
}

interface PartitionRow {
  groupRef: number;
  topicRef: number;
  partition: number;
  committedOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  lagSeconds: number | null;
}

/** Sorted by the primary key after snapshotId, so each snapshot is a pure append to the index. */
export async function insertPartitionPoints(sql: SqlClient, snapshotId: number, groups: readonly GroupPointInput[], refs: PointRefs): Promise<number> {
  const rows: PartitionRow[] = [];
  for (const group of groups) {
    const groupRef = refOf(refs.groups, group.clusterId, group.groupId);
    for (const partition of group.partitions) {
      rows.push({ ...partition, groupRef, topicRef: refOf(refs.topics, group.clusterId, partition.topic) });
    }
  }
  if (rows.length === 0) return 0;
  rows.sort((left, right) => left.groupRef - right.groupRef || left.topicRef - right.topicRef || left.partition - right.partition);
  const column = (read: (row: PartitionRow) => number | null) => numberArrayLiteral(rows.map(read));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryPartitionPoint" ("committedOffset", "logEndOffset", lag, "snapshotId", "groupRef", "topicRef", partition, "lagSeconds")
     SELECT committed, log_end, lag, $4, group_ref, topic_ref, partition, lag_seconds
     FROM unnest($1::int8[], $2::int8[], $3::int8[], $5::int4[], $6::int4[], $7::int4[], $8::float4[])
       AS p(committed, log_end, lag, group_ref, topic_ref, partition, lag_seconds)`,
    column((row) => row.committedOffset),
    column((row) => row.logEndOffset),
    column((row) => row.lag),
    snapshotId,
    column((row) => row.groupRef),
    column((row) => row.topicRef),
    column((row) => row.partition),
    column((row) => row.lagSeconds),
  );
  return rows.length;
}

export async function insertStreamGroupPoints(sql: SqlClient, snapshotId: number, streamGroups: readonly StreamGroupPointInput[], refs: PointRefs): Promise<void> {
  if (streamGroups.length === 0) return;
  const numbers = (read: (row: StreamGroupPointInput) => number | null) => numberArrayLiteral(streamGroups.map(read));
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryStreamGroupPoint" (lag, pending, length, "snapshotId", "streamGroupRef", "consumerCount", "lagEstimated")
     SELECT lag, pending, length, $4, stream_group_ref, consumer_count, lag_estimated
     FROM unnest($1::int8[], $2::int8[], $3::int8[], $5::int4[], $6::int4[], $7::bool[])
       AS s(lag, pending, length, stream_group_ref, consumer_count, lag_estimated)`,
    numbers((row) => row.lag),
    numbers((row) => row.pending),
    numbers((row) => row.length),
    snapshotId,
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
