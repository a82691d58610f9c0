import { Admin } from '@platformatic/kafka';
import type { CommittedOffsetSpecification } from './topics';

/** Admin operations on many items at once, for tests and the benchmark (never used by the app). */

function createAdmin(brokers: string[]): Admin {
  return new Admin({ clientId: 'lagboard-workload-bulk-admin', bootstrapBrokers: brokers });
}

/** Runs `work` for every item with at most `concurrency` at a time. */
async function forEachLimited<Item>(items: readonly Item[], concurrency: number, work: (item: Item) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as Item;
      await work(item);
    }
  });
  await Promise.all(workers);
}

export interface GroupOffsetsSpecification {
  groupId: string;
  offsets: CommittedOffsetSpecification[];
}

/**
 * commitOffsetsWithoutMembers for many groups over one shared admin client: Kafka has no
 * multi-group OffsetCommit, but one connection with `concurrency` commits in flight makes
 * thousands of groups a matter of seconds instead of one connection per group.
 */
export async function commitOffsetsForGroups(brokers: string[], groups: readonly GroupOffsetsSpecification[], concurrency = 64): Promise<void> {
  const admin = createAdmin(brokers);
  try {
    await forEachLimited(groups, concurrency, async ({ groupId, offsets }) => {
      const topicNames = [...new Set(offsets.map((offset) => offset.topic))];
      await admin.alterConsumerGroupOffsets({
        groupId,
        topics: topicNames.map((name) => ({
          name,
          partitionOffsets: offsets
            .filter((offset) => offset.topic === name)
            .map((offset) => ({ partition: offset.partition, offset: BigInt(offset.offset) })),
        })),
      });
    });
  } finally {
    await admin.close();
  }
}

/** Deletes groups (they must have no members), in batches: DeleteGroups takes many ids per request. */
export async function deleteConsumerGroups(brokers: string[], groupIds: readonly string[], batchSize = 500): Promise<void> {
  const admin = createAdmin(brokers);
  try {
    for (let start = 0; start < groupIds.length; start += batchSize) {
      await admin.deleteGroups({ groups: groupIds.slice(start, start + batchSize) });
    }
  } finally {
    await admin.close();
  }
}

export async function deleteTopics(brokers: string[], topicNames: readonly string[]): Promise<void> {
  if (topicNames.length === 0) {
    return;
  }
  const admin = createAdmin(brokers);
  try {
    await admin.deleteTopics({ topics: [...topicNames] });
  } finally {
    await admin.close();
  }
}

/**
 * Deletes the records of a partition below `offset` (kafka-delete-records), which moves its log
 * start: a group committed below it has lost those records without consuming them.
 */
export async function deleteRecordsBefore(brokers: string[], topic: string, offsets: readonly { partition: number; offset: number }[]): Promise<void> {
  const admin = createAdmin(brokers);
  try {
    await admin.deleteRecords({
      topics: [{ name: topic, partitions: offsets.map(({ partition, offset }) => ({ partition, offset: BigInt(offset) })) }],
    });
  } finally {
    await admin.close();
  }
}
