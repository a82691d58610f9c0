import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from '@platformatic/kafka';
import { Redis } from 'ioredis';
import { ensureTopics, startKafkaDemoScenarios, type TopicSpecification } from '@/lib/kafka/workload';
import { startRedisDemoScenarios } from '@/lib/redis/workload';
import { BenchFixture, partitionsPerTopic } from '../kafka-observe/fixture';
import { brokerAddress, fixturePrefix, fixtureTopicCount, redisUrl, streamConsumerGroup, type BenchCluster } from './settings';

/** The demo workload's names on the small cluster (no prefix: the broker is this benchmark's own). */
export const demoNames = {
  slowGroup: 'fraud-scoring-slow',
  ordersTopic: 'orders',
  behindStream: 'events:chat',
};

/** The demo workload's topics, as startKafkaDemoScenarios creates them. */
const demoTopics: TopicSpecification[] = [
  { name: 'orders', partitions: 6 },
  { name: 'payments', partitions: 4 },
  { name: 'audit', partitions: 3 },
];

/**
 * A broker that has just started answers CreateTopics before its metadata lists the topics, and
 * a producer asking then fails with "Unknown topic": wait until every topic has all partitions.
 */
export async function createTopicsAndWait(brokers: string[], topics: TopicSpecification[], timeoutMs = 60_000): Promise<void> {
  await ensureTopics(brokers, topics);
  const admin = new Admin({ clientId: 'lagboard-bench-topics', bootstrapBrokers: brokers });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        const metadata = await admin.metadata({ topics: topics.map((topic) => topic.name), forceUpdate: true });
        if (topics.every((topic) => metadata.topics.get(topic.name)?.partitionsCount === topic.partitions)) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics of ${brokers.join(',')} not ready within ${timeoutMs / 1000} s`);
      await sleep(500);
    }
  } finally {
    await admin.close();
  }
}

/** Fixture groups: each commits all 24 partitions of one topic, behind the log end, no members. */
export async function createFixtureGroups(cluster: BenchCluster): Promise<number> {
  const brokers = [brokerAddress(cluster)];
  const fixture = new BenchFixture(brokers, fixturePrefix, fixtureTopicCount);
  const startedAt = performance.now();
  await createTopicsAndWait(brokers, fixture.topicNames.map((name) => ({ name, partitions: partitionsPerTopic })));
  // The topics exist now, so this only produces their messages.
  await fixture.createTopics();
  await fixture.growTo(cluster.fixtureGroupCount);
  return performance.now() - startedAt;
}

/**
 * The demo's Kafka groups (healthy, slow, stopped, unfair, KIP-848) and Redis streams, live, so
 * the detail pages show members, lag that moves, pending entries and trends. Redis db 13 is
 * emptied first so the streams start from nothing on every run. Returns the stop function.
 */
export async function startDemoWorkload(cluster: BenchCluster): Promise<() => Promise<void>> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    await redis.flushdb();
  } finally {
    await redis.quit();
  }
  const brokers = [brokerAddress(cluster)];
  // Created here first, so the demo's producer and members never ask for a topic not yet known.
  await createTopicsAndWait(brokers, demoTopics);
  const kafka = await startKafkaDemoScenarios({ brokers });
  const streams = await startRedisDemoScenarios({ redisUrl, group: streamConsumerGroup }).catch(async (error: unknown) => {
    await kafka.stop();
    throw error;
  });
  return async () => {
    await Promise.allSettled([kafka.stop(), streams.stop()]);
  };
}
