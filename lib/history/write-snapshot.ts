import type { DatabaseClient } from '@/lib/db/create-client';
import { insertGroupEvents, insertGroupSamples, insertSourceErrors, insertStreamGroupSamples, type PointRefs } from './insert-points';
import { recordGroupTopics, resolveNameRefs, nameKey } from './name-refs';
import type { SnapshotInput } from './snapshot-input';
import type { SqlClient } from './sql-client';
import { ensureTimePartitions, sampleTables } from './time-partitions';

export interface WriteSnapshotOptions {
  /**
   * Runs first inside the transaction and throws to abort it: the collector checks there that it
   * still holds the leader lock, so a deposed leader cannot write (lib/collector/leader-election.ts).
   */
  fence?: (sql: SqlClient) => Promise<void>;
  /** Longest the transaction may stay open; a slow database then rolls back instead of hanging. */
  timeoutMs?: number;
  /** Runs last inside the transaction (the collector renews its lease on the source there). */
  afterWrite?: (sql: SqlClient) => Promise<void>;
}

export interface WrittenSnapshot {
  snapshotId: number;
  groupCount: number;
  partitionCount: number;
  streamGroupCount: number;
}

async function resolveRefs(sql: SqlClient, snapshot: SnapshotInput): Promise<PointRefs> {
  const groups = await resolveNameRefs(sql, 'kafkaGroup', snapshot.groups.map((group) => [group.clusterId, group.groupId] as const));
  // One pair per topic, not per partition: 48,000 partitions are usually a few thousand topics.
  const topicPairs = new Map<string, readonly [string, string]>();
  for (const group of snapshot.groups) {
    for (const { topic } of group.partitions) topicPairs.set(nameKey(group.clusterId, topic), [group.clusterId, topic]);
  }
  const topics = await resolveNameRefs(sql, 'kafkaTopic', [...topicPairs.values()]);
  const streamGroups = await resolveNameRefs(sql, 'streamGroup', snapshot.streamGroups.map((row) => [row.stream, row.group] as const));
  return { groups, topics, streamGroups };
}

function groupTopicPairs(snapshot: SnapshotInput, refs: PointRefs): { topicRef: number; groupRef: number }[] {
  const pairs = new Map<string, { topicRef: number; groupRef: number }>();
  for (const group of snapshot.groups) {
    const groupRef = refs.groups.get(nameKey(group.clusterId, group.groupId));
    for (const partition of group.partitions) {
      const topicRef = refs.topics.get(nameKey(group.clusterId, partition.topic));
      if (groupRef !== undefined && topicRef !== undefined) pairs.set(`${topicRef}:${groupRef}`, { topicRef, groupRef });
    }
  }
  return [...pairs.values()];
}

/**
 * Writes one snapshot in one transaction: the snapshot row (of `snapshot.source`, `all` when
 * none is given), its names and layouts, every group and stream-group sample, its events and
 * source errors, or nothing at all if any statement fails. The time partitions the rows go to are
 * created first, outside the transaction.
 */
export async function writeSnapshot(prisma: DatabaseClient, snapshot: SnapshotInput, options: WriteSnapshotOptions = {}): Promise<WrittenSnapshot> {
  await ensureTimePartitions(prisma, sampleTables, snapshot.takenAtMs, snapshot.takenAtMs);
  return prisma.$transaction(
    async (transaction) => {
      await options.fence?.(transaction);
      const [created] = await transaction.$queryRawUnsafe<{ id: number }[]>(
        'INSERT INTO "HistorySnapshot" ("takenAt", "durationMs", source) VALUES (to_timestamp($1::float8 / 1000), $2, $3) RETURNING id',
        snapshot.takenAtMs,
        Math.round(snapshot.durationMs),
        snapshot.source ?? 'all',
      );
      if (!created) throw new Error('history: the snapshot row was not created');
      const refs = await resolveRefs(transaction, snapshot);
      await recordGroupTopics(transaction, groupTopicPairs(snapshot, refs));
      const partitionCount = await insertGroupSamples(transaction, snapshot.takenAtMs, snapshot.groups, refs);
      await insertStreamGroupSamples(transaction, snapshot.takenAtMs, snapshot.streamGroups, refs);
      await insertGroupEvents(transaction, snapshot.takenAtMs, snapshot.events, refs);
      await insertSourceErrors(transaction, created.id, snapshot.sourceErrors);
      await options.afterWrite?.(transaction);
      return { snapshotId: created.id, groupCount: snapshot.groups.length, partitionCount, streamGroupCount: snapshot.streamGroups.length };
    },
    { timeout: options.timeoutMs ?? 60_000, maxWait: 10_000 },
  );
}
