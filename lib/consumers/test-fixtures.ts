import type { KafkaClusterObservation, KafkaGroupObservation, KafkaMemberObservation, KafkaTopicObservation } from '@/lib/observations/kafka';

/** Small hand-made observations for the unit tests of lib/consumers (no broker involved). */

export function topicFixture(name: string, logEnds: readonly number[], logStart = 0): KafkaTopicObservation {
  return {
    name,
    partitions: logEnds.map((logEndOffset, partition) => ({
      partition, leaderId: 1, replicaIds: [1], isrIds: [1], logStartOffset: Math.min(logStart, logEndOffset), logEndOffset,
    })),
    replicationFactor: 1,
    retentionMs: 604_800_000,
    retentionBytes: -1,
    cleanupPolicy: 'delete',
  };
}

export function memberFixture(memberId: string, partitions: readonly [string, number][]): KafkaMemberObservation {
  return { memberId, clientId: `client-${memberId}`, host: '/10.0.0.1', assignedPartitions: partitions.map(([topic, partition]) => ({ topic, partition })) };
}

export function groupFixture(overrides: Partial<KafkaGroupObservation> & { groupId: string }): KafkaGroupObservation {
  return {
    groupType: 'classic',
    state: 'Stable',
    protocolType: 'consumer',
    assignor: 'range',
    generationOrEpoch: null,
    assignmentEpoch: null,
    coordinatorId: 1,
    members: [],
    committedOffsets: [],
    ...overrides,
  };
}

export function observationFixture(observedAtMs: number, topics: KafkaTopicObservation[], groups: KafkaGroupObservation[]): KafkaClusterObservation {
  return {
    clusterId: 'local',
    kafkaClusterUuid: 'uuid',
    observedAtMs,
    brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092 }],
    controllerId: 1,
    groups,
    topics,
    errors: [],
    requestCount: 10,
  };
}
