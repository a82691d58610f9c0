import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeKafkaConnections, observeKafkaCluster, type KafkaClusterObservation } from '@/lib/kafka';
import {
  commitOffsetsWithoutMembers,
  ensureTopics,
  produceMessages,
  startConsumerMember,
  type ConsumerMember,
} from '@/lib/kafka/workload';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// The number of Kafka requests of one observation must depend on the brokers, not on the
// number of groups or topics: the same count with 3 groups as with 30 (and 10 more topics).

const cluster = { id: uniqueName('request-count'), brokers: testKafkaBrokers };
const prefix = uniqueName('count');
const members: ConsumerMember[] = [];

async function observeCounting(): Promise<{ observation: KafkaClusterObservation; requestsByApi: Record<string, number> }> {
  const requestsByApi: Record<string, number> = {};
  const observation = await observeKafkaCluster(cluster, {
    requestTimeoutMs: 5_000,
    onRequest: (apiName) => { requestsByApi[apiName] = (requestsByApi[apiName] ?? 0) + 1; },
  });
  return { observation, requestsByApi };
}

function ownGroups(observation: KafkaClusterObservation) {
  return observation.groups.filter((group) => group.groupId.startsWith(prefix));
}

afterAll(async () => {
  await Promise.all(members.map((member) => member.stop()));
  await closeKafkaConnections();
});

describe('observeKafkaCluster request count', () => {
  it('sends as many requests for 30 groups and 10 more topics as for 3 groups', { timeout: 120_000 }, async () => {
    const topics = Array.from({ length: 10 }, (_unused, index) => `${prefix}-topic-${index}`);
    await ensureTopics(testKafkaBrokers, topics.slice(0, 1).map((name) => ({ name, partitions: 2 })));
    await produceMessages({ brokers: testKafkaBrokers, topic: topics[0] as string, count: 20 });

    // Three groups, one of each kind: live classic, live KIP-848 `consumer`, commits only.
    for (const groupProtocol of ['classic', 'consumer'] as const) {
      members.push(await startConsumerMember({ brokers: testKafkaBrokers, groupId: `${prefix}-live-${groupProtocol}`, topics: [topics[0] as string], groupProtocol }));
    }
    await commitOffsetsWithoutMembers(testKafkaBrokers, `${prefix}-committed-0`, [{ topic: topics[0] as string, partition: 0, offset: 1 }]);
    let few = await observeCounting();
    const settling = (observation: KafkaClusterObservation) =>
      ownGroups(observation).length < 3 || ownGroups(observation).some((group) => group.members.length > 0 && group.state !== 'Stable');
    for (let attempt = 0; attempt < 30 && settling(few.observation); attempt++) {
      await sleep(1_000);
      few = await observeCounting();
    }
    expect(ownGroups(few.observation)).toHaveLength(3);

    // Ten times the groups, ten more topics.
    await ensureTopics(testKafkaBrokers, topics.slice(1).map((name) => ({ name, partitions: 2 })));
    for (let index = 1; index <= 27; index++) {
      const topic = topics[index % topics.length] as string;
      await commitOffsetsWithoutMembers(testKafkaBrokers, `${prefix}-committed-${index}`, [{ topic, partition: index % 2, offset: 0 }]);
    }
    const many = await observeCounting();
    expect(ownGroups(many.observation)).toHaveLength(30);
    // Other suites share the broker: the cluster holds at least the 27 new groups more.
    expect(many.observation.groups.length).toBeGreaterThanOrEqual(few.observation.groups.length + 27);
    expect(many.observation.topics.filter((topic) => topic.name.startsWith(prefix))).toHaveLength(10);
    expect(many.observation.errors).toEqual([]);

    console.info(`kafka requests per observation: ${few.observation.requestCount} (${few.observation.groups.length} groups in the cluster), `
      + `${many.observation.requestCount} (${many.observation.groups.length} groups); by API ${JSON.stringify(many.requestsByApi)}`);
    expect(many.requestsByApi).toEqual(few.requestsByApi);
    expect(many.observation.requestCount).toBe(few.observation.requestCount);

    // The bound, per API, as a function of the broker count (every broker may lead partitions
    // and coordinate groups).
    const brokerCount = many.observation.brokers.length;
    const bounds: Record<string, number> = {
      ApiVersions: 1,
      Metadata: 1,
      FindCoordinator: 1,
      DescribeConfigs: 1,
      ListGroups: brokerCount,
      DescribeGroups: brokerCount,
      ConsumerGroupDescribe: brokerCount,
      OffsetFetch: brokerCount,
      ListOffsets: 2 * brokerCount,
    };
    for (const [apiName, count] of Object.entries(many.requestsByApi)) {
      expect(count, apiName).toBeLessThanOrEqual(bounds[apiName] ?? 0);
    }
    expect(many.observation.requestCount).toBe(Object.values(many.requestsByApi).reduce((sum, count) => sum + count, 0));
  });
});
