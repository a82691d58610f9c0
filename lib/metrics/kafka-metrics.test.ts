import { describe, expect, it } from 'vitest';
import type { KafkaClusterObservation, KafkaPartitionObservation } from '@/lib/observations/kafka';
import { parseExposition, sampleValue } from './exposition-parsing';
import { isKafkaClusterUp, kafkaTopicLagRows, recordKafkaObservation } from './kafka-metrics';
import { createMetricsRegistry } from './registry';

const partition = (number: number, logEndOffset: number | null): KafkaPartitionObservation =>
  ({ partition: number, leaderId: 1, replicaIds: [1], isrIds: [1], logStartOffset: 0, logEndOffset });
const topic = (name: string, partitions: KafkaPartitionObservation[]) =>
  ({ name, partitions, replicationFactor: 1, retentionMs: null, retentionBytes: null, cleanupPolicy: null });

const cluster: KafkaClusterObservation = {
  clusterId: 'local',
  kafkaClusterUuid: 'uuid',
  observedAtMs: 0,
  brokers: [{ nodeId: 1, host: 'b', port: 9092 }],
  controllerId: 1,
  groups: [{
    groupId: 'billing',
    groupType: 'classic',
    state: 'Empty',
    protocolType: 'consumer',
    assignor: null,
    generationOrEpoch: null,
    assignmentEpoch: null,
    coordinatorId: 1,
    members: [],
    committedOffsets: [
      { topic: 'orders', partition: 0, committedOffset: 5 },
      { topic: 'orders', partition: 1, committedOffset: 10 },
      { topic: 'unreadable', partition: 0, committedOffset: 0 },
    ],
  }],
  // orders/2 was never committed: its lag is unknown and left out of the sum.
  topics: [topic('orders', [partition(0, 15), partition(1, 12), partition(2, 40)]), topic('unreadable', [partition(0, null)])],
  errors: [],
  requestCount: 7,
};

describe('kafkaTopicLagRows', () => {
  it('sums and maximises the known partition lags per group and topic', () => {
    expect(kafkaTopicLagRows(cluster)).toEqual([{ cluster: 'local', group: 'billing', topic: 'orders', lagSum: 12, lagMax: 10, lagSeconds: null }]);
  });
});

describe('recordKafkaObservation', () => {
  it('exports the max and the sum with cluster, group and topic labels', async () => {
    const { registry, gauges } = createMetricsRegistry();
    recordKafkaObservation(gauges, cluster);
    const samples = parseExposition(await registry.metrics());
    const labels = { cluster: 'local', group: 'billing', topic: 'orders' };
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_lag', labels)).toBe(12);
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_max_lag', labels)).toBe(10);
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_lag_seconds', labels)).toBeUndefined();
  });
});

describe('lag seconds from the collector', () => {
  it('exports the largest partition time lag per group and topic', async () => {
    // orders/0 = 4.5 s and orders/1 = 9 s for billing: the topic series is their max, 9 s.
    const timeLags = {
      clusterId: 'local',
      takenAtMs: 1_000,
      groups: [{ groupId: 'billing', lagSecondsMax: 9, partitions: [
        { topic: 'orders', partition: 0, lagSeconds: 4.5 },
        { topic: 'orders', partition: 1, lagSeconds: 9 },
        { topic: 'orders', partition: 2, lagSeconds: null },
      ] }],
      topics: [{ topic: 'orders', lagSecondsMax: 9 }],
    };
    expect(kafkaTopicLagRows(cluster, timeLags)[0]?.lagSeconds).toBe(9);
    const { registry, gauges } = createMetricsRegistry();
    recordKafkaObservation(gauges, cluster, timeLags);
    const samples = parseExposition(await registry.metrics());
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_lag_seconds', { cluster: 'local', group: 'billing', topic: 'orders' })).toBe(9);
  });
});

describe('isKafkaClusterUp', () => {
  it('is false only for a cluster-wide failure', () => {
    expect(isKafkaClusterUp(cluster)).toBe(true);
    expect(isKafkaClusterUp({ ...cluster, errors: [{ scope: 'group:billing', message: 'x' }] })).toBe(true);
    expect(isKafkaClusterUp({ ...cluster, errors: [{ scope: 'cluster', message: 'unreachable' }] })).toBe(false);
  });
});
