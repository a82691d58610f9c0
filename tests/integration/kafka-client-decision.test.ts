import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeKafkaConnections, observeKafkaCluster } from '@/lib/kafka';
import {
  ensureTopics,
  produceMessages,
  startConsumerMember,
  startStoppedGroup,
  type ConsumerMember,
  type GroupProtocol,
} from '@/lib/kafka/workload';
import type { KafkaClusterObservation, KafkaGroupObservation, KafkaTopicPartitionRef } from '@/lib/observations/kafka';
import { describeWithKafkaTool, parseToolAssignment, type ToolRow } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// The evidence for docs/kafka-client-decision.md: against the real 4.x broker, a classic and a
// KIP-848 `consumer` group with live members, read by lib/kafka, must match what Kafka's own
// kafka-consumer-groups tool prints: states, assignors, coordinators, members, assignments,
// member epochs, committed offsets, log-end offsets and lag.

const cluster = { id: uniqueName('decision'), brokers: testKafkaBrokers };
const requestTimeoutMs = 5_000;
const messagesPerMemberBeforeHolding = 12;

function refs(partitions: KafkaTopicPartitionRef[] | undefined): string[] {
  return (partitions ?? []).map(({ topic, partition }) => `${topic}:${partition}`).sort();
}

function findGroup(observation: KafkaClusterObservation, groupId: string): KafkaGroupObservation {
  const group = observation.groups.find((candidate) => candidate.groupId === groupId);
  expect(group, `group ${groupId} in the observation`).toBeDefined();
  return group as KafkaGroupObservation;
}

function logEndOffsets(observation: KafkaClusterObservation): Map<string, number | null> {
  return new Map(observation.topics.flatMap((topic) =>
    topic.partitions.map((partition) => [`${topic.name}:${partition.partition}`, partition.logEndOffset] as const)));
}

/** Lag rows of the tool vs the observation: same committed partitions, offsets, log ends and lag. */
function expectOffsetsMatchTool(observation: KafkaClusterObservation, group: KafkaGroupObservation, rows: ToolRow[]): number {
  const ends = logEndOffsets(observation);
  const committed = new Map(group.committedOffsets.map((offset) => [`${offset.topic}:${offset.partition}`, offset.committedOffset]));
  const toolRows = rows.filter((row) => row.GROUP === group.groupId);
  const toolCommitted = toolRows.filter((row) => row['CURRENT-OFFSET'] !== '-');
  expect(toolCommitted.map((row) => `${row.TOPIC}:${row.PARTITION}`).sort()).toEqual([...committed.keys()].sort());
  let totalLag = 0;
  for (const row of toolRows) {
    const key = `${row.TOPIC}:${row.PARTITION}`;
    expect(ends.get(key), `log-end offset of ${key}`).toBe(Number(row['LOG-END-OFFSET']));
    if (row['CURRENT-OFFSET'] === '-') {
      expect(committed.has(key)).toBe(false);
      continue;
    }
    const lag = (ends.get(key) as number) - (committed.get(key) as number);
    expect(committed.get(key), `committed offset of ${key}`).toBe(Number(row['CURRENT-OFFSET']));
    expect(lag, `lag of ${key}`).toBe(Number(row.LAG));
    totalLag += lag;
  }
  return totalLag;
}

function observe(): Promise<KafkaClusterObservation> {
  return observeKafkaCluster(cluster, { requestTimeoutMs });
}

/** Committed offsets and membership of the groups, to tell when nothing moves any more. */
function fingerprint(observation: KafkaClusterObservation, groupIds: string[]): string {
  return JSON.stringify(groupIds.map((groupId) => {
    const group = observation.groups.find((candidate) => candidate.groupId === groupId);
    return group && { state: group.state, committed: group.committedOffsets, members: group.members };
  }));
}

describe('Kafka client decision: lib/kafka against Kafka 4.x and its own tool', () => {
  const topicA = uniqueName('decision-a');
  const topicB = uniqueName('decision-b');
  const partitionsA = 4;
  const partitionsB = 3;
  const producedA = 60;
  const producedB = 30;
  const classicGroupId = uniqueName('decision-classic');
  const consumerGroupId = uniqueName('decision-kip848');
  const members: ConsumerMember[] = [];

  function startMembers(groupId: string, groupProtocol: GroupProtocol) {
    return Promise.all([1, 2].map(() => startConsumerMember({
      brokers: testKafkaBrokers,
      groupId,
      topics: [topicA, topicB],
      groupProtocol,
      clientId: `decision-${groupProtocol}`,
      maxMessages: messagesPerMemberBeforeHolding,
      commitIntervalMs: 200,
    })));
  }

  beforeAll(async () => {
    await ensureTopics(testKafkaBrokers, [{ name: topicA, partitions: partitionsA }, { name: topicB, partitions: partitionsB }]);
    await produceMessages({ brokers: testKafkaBrokers, topic: topicA, count: producedA });
    await produceMessages({ brokers: testKafkaBrokers, topic: topicB, count: producedB });
    members.push(...await startMembers(classicGroupId, 'classic'), ...await startMembers(consumerGroupId, 'consumer'));
  });

  afterAll(async () => {
    await Promise.all(members.map((member) => member.stop()));
    await closeKafkaConnections();
  });

  it('reads both group types with members, assignments, epochs and lag exactly as kafka-consumer-groups does', { timeout: 180_000 }, async () => {
    // Poll (at most ~120 s, for a loaded machine) until both groups are Stable, every member processed its share and
    // committed it, and two observations a second apart agree: then the tool sees the same state.
    const groupIds = [classicGroupId, consumerGroupId];
    let observation = await observe();
    for (let attempt = 0; attempt < 120; attempt++) {
      await sleep(1_000);
      const next = await observe();
      const settled = groupIds.every((groupId) => {
        const group = next.groups.find((candidate) => candidate.groupId === groupId);
        return group?.state === 'Stable' && group.members.length === 2 && group.members.every((member) => member.assignedPartitions.length > 0);
      }) && members.every((member) => !member.hasUncommittedWork());
      const unchanged = fingerprint(next, groupIds) === fingerprint(observation, groupIds);
      observation = next;
      if (settled && unchanged) {
        break;
      }
    }
    const [offsetRows, memberRows, stateRows] = await Promise.all([
      describeWithKafkaTool(groupIds),
      describeWithKafkaTool(groupIds, '--members', '--verbose'),
      describeWithKafkaTool(groupIds, '--state', '--verbose'),
    ]);
    // Nothing moved while the tool ran.
    expect(fingerprint(await observe(), groupIds)).toBe(fingerprint(observation, groupIds));
    expect(observation.errors).toEqual([]);

    const topicObservationA = observation.topics.find((topic) => topic.name === topicA);
    expect(topicObservationA?.partitions.map((partition) => partition.logEndOffset ?? 0).reduce((sum, end) => sum + end, 0)).toBe(producedA);
    expect(topicObservationA?.partitions.every((partition) => partition.logStartOffset === 0)).toBe(true);
    const allPartitions = [
      ...Array.from({ length: partitionsA }, (_unused, partition) => `${topicA}:${partition}`),
      ...Array.from({ length: partitionsB }, (_unused, partition) => `${topicB}:${partition}`),
    ].sort();

    for (const [groupId, groupType, ownMembers] of [
      [classicGroupId, 'classic', members.slice(0, 2)],
      [consumerGroupId, 'consumer', members.slice(2)],
    ] as const) {
      const group = findGroup(observation, groupId);
      const state = stateRows.find((row) => row.GROUP === groupId) as ToolRow;
      expect(group.groupType).toBe(groupType);
      expect(group.state).toBe('Stable');
      expect(state.STATE).toBe(group.state);
      expect(state['ASSIGNMENT-STRATEGY']).toBe(group.assignor);
      expect(Number(state['COORDINATOR-ID']?.replace(/[()]/g, ''))).toBe(group.coordinatorId);
      expect(Number(state['#MEMBERS'])).toBe(group.members.length);
      expect(group.members.map((member) => member.memberId).sort()).toEqual(ownMembers.map((member) => member.memberId()).sort());
      // Every partition of both topics is assigned to exactly one member.
      expect(group.members.flatMap((member) => refs(member.assignedPartitions)).sort()).toEqual(allPartitions);

      const toolMembers = memberRows.filter((row) => row.GROUP === groupId);
      expect(toolMembers.map((row) => row['CONSUMER-ID']).sort()).toEqual(group.members.map((member) => member.memberId).sort());
      for (const member of group.members) {
        const row = toolMembers.find((candidate) => candidate['CONSUMER-ID'] === member.memberId) as ToolRow;
        expect(row.HOST).toBe(member.host);
        expect(row['CLIENT-ID']).toBe(member.clientId);
        expect(Number(row['#PARTITIONS'])).toBe(member.assignedPartitions.length);
        expect(parseToolAssignment(row['CURRENT-ASSIGNMENT'])).toEqual(refs(member.assignedPartitions));
        if (groupType === 'consumer') {
          expect(member.memberEpoch).toBeGreaterThan(0);
          expect(Number(row['CURRENT-EPOCH'])).toBe(member.memberEpoch);
          expect(parseToolAssignment(row['TARGET-ASSIGNMENT'])).toEqual(refs(member.targetAssignment));
        } else {
          expect(member.memberEpoch).toBeUndefined();
        }
      }
      if (groupType === 'consumer') {
        expect(group.assignor).toBe('uniform');
        expect(Number(state['GROUP-EPOCH'])).toBe(group.generationOrEpoch);
        expect(Number(state['TARGET-ASSIGNMENT-EPOCH'])).toBe(group.assignmentEpoch);
      } else {
        expect(group.assignor).toBe('range');
      }

      const totalLag = expectOffsetsMatchTool(observation, group, offsetRows);
      // Members hold after their share, so part of what was produced is still unread.
      expect(totalLag).toBeGreaterThan(0);
    }
  });

  it('shows a group whose members all left as Empty, with its committed offsets and lag', { timeout: 180_000 }, async () => {
    const stopped = [
      { groupId: uniqueName('decision-stopped-classic'), groupProtocol: 'classic' as const, groupType: 'classic' },
      { groupId: uniqueName('decision-stopped-kip848'), groupProtocol: 'consumer' as const, groupType: 'consumer' },
    ];
    const messagesToConsume = 10;
    await Promise.all(stopped.map(({ groupId, groupProtocol }) => startStoppedGroup({
      brokers: testKafkaBrokers,
      groupId,
      topics: [topicA],
      groupProtocol,
      messagesToConsume,
    })));
    const observation = await observe();
    const [offsetRows, stateRows] = await Promise.all([
      describeWithKafkaTool(stopped.map(({ groupId }) => groupId)),
      describeWithKafkaTool(stopped.map(({ groupId }) => groupId), '--state'),
    ]);
    for (const { groupId, groupType } of stopped) {
      const group = findGroup(observation, groupId);
      expect(group.groupType).toBe(groupType);
      expect(group.state).toBe('Empty');
      expect((stateRows.find((row) => row.GROUP === groupId) as ToolRow).STATE).toBe('Empty');
      expect(group.members).toEqual([]);
      // One member read from the start of each partition: the commits add up to what it processed.
      expect(group.committedOffsets.reduce((sum, offset) => sum + offset.committedOffset, 0)).toBe(messagesToConsume);
      expectOffsetsMatchTool(observation, group, offsetRows);
    }
  });
});
