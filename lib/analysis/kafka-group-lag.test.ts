import { describe, expect, it } from 'vitest';
import type { KafkaGroupObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { computeGroupLag, groupLagsByGroupId } from './kafka-group-lag';

const topic = (name: string, offsets: Array<[number, number]>): KafkaTopicObservation => ({
  name,
  partitions: offsets.map(([logStartOffset, logEndOffset], partition) => ({
    partition, leaderId: 1, replicaIds: [1], isrIds: [1], logStartOffset, logEndOffset,
  })),
  replicationFactor: 1,
  retentionMs: null,
  retentionBytes: null,
  cleanupPolicy: null,
});

const group = (overrides: Partial<KafkaGroupObservation>): KafkaGroupObservation => ({
  groupId: 'billing',
  groupType: 'classic',
  state: 'Stable',
  protocolType: 'consumer',
  assignor: 'range',
  generationOrEpoch: 3,
  assignmentEpoch: null,
  coordinatorId: 1,
  members: [],
  committedOffsets: [],
  ...overrides,
});

describe('computeGroupLag', () => {
  it('computes per-partition lag, statistics, owners and flags', () => {
    // orders: p0 log 0..100 committed 40 -> 60; p1 log 50..80 committed 10 -> 70 and 40 lost;
    // p2 log 0..30 never committed. Known lags [60, 70]: p50 = 60, p95 = 70, total = 130.
    const topics = new Map([['orders', topic('orders', [[0, 100], [50, 80], [0, 30]])]]);
    const result = computeGroupLag(group({
      members: [{ memberId: 'm1', clientId: 'c1', host: '/10.0.0.1', assignedPartitions: [{ topic: 'orders', partition: 0 }] }],
      committedOffsets: [
        { topic: 'orders', partition: 0, committedOffset: 40 },
        { topic: 'orders', partition: 1, committedOffset: 10 },
      ],
    }), topics);
    expect(result.partitions.map((partition) => partition.lag)).toEqual([60, 70, null]);
    expect(result.lag).toEqual({ lag_p50: 60, lag_p95: 70, lag_max: 70, total_lag: 130, partition_count: 2 });
    expect(result.never_committed_count).toBe(1);
    expect(result.data_loss_count).toBe(1);
    expect(result.partitions[1]?.data_loss).toEqual({ committedOffset: 10, logStartOffset: 50, lostMessages: 40 });
    expect(result.partitions[0]?.owner).toEqual({ member_id: 'm1', client_id: 'c1', host: '/10.0.0.1' });
    expect(result.partitions[2]?.owner).toBeNull();
    expect(result.member_count).toBe(1);
    expect(result.topics).toEqual(['orders']);
  });

  it('keeps committed partitions of a topic the observation lacks, with unknown lag', () => {
    const result = computeGroupLag(group({ committedOffsets: [{ topic: 'gone', partition: 3, committedOffset: 5 }] }), new Map());
    expect(result.partitions).toHaveLength(1);
    expect(result.partitions[0]).toMatchObject({ topic: 'gone', partition: 3, committed_offset: 5, lag: null, never_committed: false });
    expect(result.lag.partition_count).toBe(0);
  });

  it('reports a group with no commits and no members as empty', () => {
    const result = computeGroupLag(group({ state: 'Empty' }), new Map());
    expect(result.partitions).toEqual([]);
    expect(result.lag.total_lag).toBe(0);
  });
});

describe('groupLagsByGroupId', () => {
  it('computes once per observation object and keys the groups by id', () => {
    const observation = {
      clusterId: 'c', kafkaClusterUuid: null, observedAtMs: 0, brokers: [], controllerId: null, errors: [], requestCount: 0,
      topics: [topic('orders', [[0, 10]])],
      groups: [group({ groupId: 'a b/c.ü', committedOffsets: [{ topic: 'orders', partition: 0, committedOffset: 4 }] })],
    };
    const first = groupLagsByGroupId(observation);
    expect(first.get('a b/c.ü')?.lag.total_lag).toBe(6);
    expect(groupLagsByGroupId(observation)).toBe(first);
    expect(groupLagsByGroupId({ ...observation })).not.toBe(first);
  });
});

describe('computeGroupLag partition order', () => {
  it('lists a committed partition the topic no longer has after the real ones, with unknown lag', () => {
    const topics = new Map([['orders', topic('orders', [[0, 10], [0, 10]])]]);
    const result = computeGroupLag(group({ committedOffsets: [{ topic: 'orders', partition: 7, committedOffset: 3 }, { topic: 'orders', partition: 1, committedOffset: 4 }] }), topics);
    expect(result.partitions.map((partition) => [partition.partition, partition.lag])).toEqual([[0, null], [1, 6], [7, null]]);
  });
});
