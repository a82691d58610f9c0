import { commitOffsetsForGroups } from './bulk-admin';
import { Admin } from '@platformatic/kafka';

export interface TopicSpecification {
  name: string;
  partitions: number;
}

/** Creates the topics that do not exist yet (replication factor 1: the local broker is single-node). */
export async function ensureTopics(brokers: string[], topics: TopicSpecification[]): Promise<void> {
  const admin = new Admin({ clientId: 'lagboard-workload-admin', bootstrapBrokers: brokers });
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((candidate) => !existing.has(candidate.name))) {
      try {
        await admin.createTopics({ topics: [topic.name], partitions: topic.partitions, replicas: 1 });
      } catch (error) {
        // Another process created it between listTopics and createTopics.
        if (!(await admin.listTopics()).includes(topic.name)) {
          throw error;
        }
      }
    }
  } finally {
    await admin.close();
  }
}

export interface CommittedOffsetSpecification {
  topic: string;
  partition: number;
  offset: number;
}

/**
 * Commits offsets for a group that has no members, as `kafka-consumer-groups --reset-offsets`
 * does: the group then exists as an Empty classic group with those offsets.
 */
export async function commitOffsetsWithoutMembers(brokers: string[], groupId: string, offsets: CommittedOffsetSpecification[]): Promise<void> {
  await commitOffsetsForGroups(brokers, [{ groupId, offsets }], 1);
}
