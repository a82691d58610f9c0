import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupLagsByGroupId, type GroupLag } from '@/lib/analysis';
import { closeKafkaConnections, observeKafkaCluster, type KafkaClusterObservation } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages, startConsumerMember, type ConsumerMember } from '@/lib/kafka/workload';
import { differencesFromTool, parseConsumerGroupsOutput, runConsumerGroupsTool } from '../support/kafka-tool';
import { testKafka3, testKafka3Brokers, uniqueName } from '../support/test-env';

// Many production clusters still run Kafka 3.x, which answers older protocol versions and has no
// KIP-848 group APIs in general availability. Lagboard negotiates versions with ApiVersions; this
// checks the outcome on a real Kafka 3 broker against that release's own kafka-consumer-groups.

const cluster = { id: 'kafka3', brokers: testKafka3Brokers };
const topic = uniqueName('k3-orders');
const idleGroup = uniqueName('k3-idle');
const liveGroup = uniqueName('k3-live');
const members: ConsumerMember[] = [];

const observe = () => observeKafkaCluster(cluster, { requestTimeoutMs: 10_000 });
/** STATE and #MEMBERS are the last two columns of `--state`; an Empty group leaves ASSIGNMENT-STRATEGY blank. */
function toolState(stdout: string, groupId: string): { state: string; memberCount: number } {
  const line = stdout.split('\n').map((text) => text.trim()).find((text) => text.startsWith(`${groupId} `));
  const tokens = (line ?? '').split(/\s+/);
  return { state: tokens[tokens.length - 2] ?? '', memberCount: Number(tokens[tokens.length - 1]) };
}

const offsetsOf = (observation: KafkaClusterObservation, groupId: string) =>
  JSON.stringify(observation.groups.find((group) => group.groupId === groupId)?.committedOffsets ?? null);

beforeAll(async () => {
  await ensureTopics(testKafka3Brokers, [{ name: topic, partitions: 4 }]);
  for (const partition of [0, 1, 2, 3]) await produceMessages({ brokers: testKafka3Brokers, topic, count: 100, partition });
  // Partition 3 is never committed: its lag is unknown, not 100.
  await commitOffsetsWithoutMembers(testKafka3Brokers, idleGroup, [
    { topic, partition: 0, offset: 10 },
    { topic, partition: 1, offset: 50 },
    { topic, partition: 2, offset: 100 },
  ]);
  // Two classic members that read 30 messages each, commit and hold: a Stable group with steady lag.
  for (const clientId of ['k3-member-a', 'k3-member-b']) {
    members.push(await startConsumerMember({ brokers: testKafka3Brokers, groupId: liveGroup, topics: [topic], groupProtocol: 'classic', clientId, maxMessages: 30, commitIntervalMs: 500 }));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(members.map((member) => member.stop()));
  await closeKafkaConnections();
});

describe(`a Kafka ${testKafka3.version} broker`, () => {
  it('is observed with state, members and per-partition lag equal to its own kafka-consumer-groups', { timeout: 180_000 }, async () => {
    // Wait for a Stable group of two whose commits stopped moving.
    let observation = await observe();
    for (let attempt = 0; attempt < 60; attempt++) {
      await sleep(1_000);
      const next = await observe();
      const live = next.groups.find((group) => group.groupId === liveGroup);
      const settled = live?.state === 'Stable' && live.members.length === 2 && offsetsOf(next, liveGroup) === offsetsOf(observation, liveGroup)
        && (live.committedOffsets.length ?? 0) > 0;
      observation = next;
      if (settled) break;
    }
    const stdout = await runConsumerGroupsTool(['--describe', '--group', idleGroup, '--group', liveGroup], 120_000, testKafka3);
    const stateStdout = await runConsumerGroupsTool(['--describe', '--state', '--group', idleGroup, '--group', liveGroup], 120_000, testKafka3);
    // Nothing moved while the tool ran.
    const after = await observe();
    expect(offsetsOf(after, liveGroup)).toBe(offsetsOf(observation, liveGroup));

    expect(observation.errors).toEqual([]);
    const lags = groupLagsByGroupId(observation);
    const offsetRows = parseConsumerGroupsOutput(stdout, [idleGroup, liveGroup]);
    for (const groupId of [idleGroup, liveGroup]) {
      const groupLag = lags.get(groupId) as GroupLag;
      expect(groupLag, groupId).toBeDefined();
      expect(differencesFromTool(groupId, groupLag.partitions, offsetRows), groupId).toEqual([]);
      const group = observation.groups.find((candidate) => candidate.groupId === groupId);
      const reported = toolState(stateStdout, groupId);
      expect(group?.groupType).toBe('classic');
      expect(group?.state).toBe(reported.state);
      expect(group?.members.length).toBe(reported.memberCount);
    }
    const idle = lags.get(idleGroup) as GroupLag;
    expect(idle.partitions.map((partition) => [partition.partition, partition.lag])).toEqual([[0, 90], [1, 50], [2, 0], [3, null]]);
    expect(idle.lag.total_lag).toBe(140);
    const live = observation.groups.find((group) => group.groupId === liveGroup);
    expect(live?.state).toBe('Stable');
    expect(live?.members).toHaveLength(2);
    expect(live?.members.flatMap((member) => member.assignedPartitions).length).toBe(4);
  });
});
