import {
  commitOffsetsForGroups,
  deleteConsumerGroups,
  deleteTopics,
  ensureTopics,
  produceMessages,
  type GroupOffsetsSpecification,
} from '@/lib/kafka/workload';

export const partitionsPerTopic = 24;
const messagesPerTopic = 2_400;

/**
 * The benchmark's topics and groups, all under one unique prefix so that they can be removed at
 * the end (other suites share the broker). Each group commits every partition of one topic, at
 * offsets that leave it behind by a few messages per partition.
 */
export class BenchFixture {
  readonly topicNames: string[];
  readonly groupIds: string[] = [];

  constructor(private readonly brokers: string[], private readonly prefix: string, topicCount: number) {
    this.topicNames = Array.from({ length: topicCount }, (_unused, index) => `${prefix}-topic-${index}`);
  }

  async createTopics(): Promise<void> {
    await ensureTopics(this.brokers, this.topicNames.map((name) => ({ name, partitions: partitionsPerTopic })));
    await Promise.all(this.topicNames.map((topic) => produceMessages({ brokers: this.brokers, topic, count: messagesPerTopic })));
  }

  /** Adds groups until there are `groupCount`; returns the setup time in ms. */
  async growTo(groupCount: number): Promise<number> {
    const startedAt = performance.now();
    const added: GroupOffsetsSpecification[] = [];
    for (let index = this.groupIds.length; index < groupCount; index++) {
      const groupId = `${this.prefix}-group-${String(index).padStart(5, '0')}`;
      const topic = this.topicNames[index % this.topicNames.length] as string;
      added.push({
        groupId,
        offsets: Array.from({ length: partitionsPerTopic }, (_unused, partition) => ({ topic, partition, offset: (index + partition) % 50 })),
      });
      this.groupIds.push(groupId);
    }
    await commitOffsetsForGroups(this.brokers, added);
    return performance.now() - startedAt;
  }

  async remove(): Promise<void> {
    await deleteConsumerGroups(this.brokers, this.groupIds).catch((error: unknown) => console.error('bench: deleting groups failed', error));
    await deleteTopics(this.brokers, this.topicNames).catch((error: unknown) => console.error('bench: deleting topics failed', error));
  }
}
