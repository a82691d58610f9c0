import { describe, expect, it } from 'vitest';
import type { KafkaClusterObservation, KafkaGroupObservation } from '@/lib/observations/kafka';
import { InMemoryGroupHistoryWindow } from './in-memory-window';

/** One topic `orders` with two partitions whose log ends are `logEnds`; groups given as committed offsets. */
function observation(observedAtMs: number, logEnds: [number, number], groups: Partial<KafkaGroupObservation>[]): KafkaClusterObservation {
  return {
    clusterId: 'local',
    kafkaClusterUuid: null,
    observedAtMs,
    brokers: [],
    controllerId: null,
    errors: [],
    requestCount: 0,
    topics: [{
      name: 'orders',
      partitions: logEnds.map((logEndOffset, partition) => ({ partition, leaderId: 1, replicaIds: [1], isrIds: [1], logStartOffset: 0, logEndOffset })),
      replicationFactor: 1,
      retentionMs: null,
      retentionBytes: null,
      cleanupPolicy: null,
    }],
    groups: groups.map((group) => ({
      groupId: 'billing',
      groupType: 'classic',
      state: 'Stable',
      protocolType: 'consumer',
      assignor: 'range',
      generationOrEpoch: null,
      assignmentEpoch: null,
      coordinatorId: 1,
      members: [],
      committedOffsets: [{ topic: 'orders', partition: 0, committedOffset: 10 }],
      ...group,
    })),
  };
}

const options = { maxPointsPerGroup: 5, maxPartitionSamplesPerCluster: 1_000, retentionMs: 600_000, minimumSpacingMs: 0 };

describe('InMemoryGroupHistoryWindow', () => {
  it('records one point per group with offsets and lag, and reads them back oldest first', async () => {
    const window = new InMemoryGroupHistoryWindow(options);
    await window.record('local', observation(1_000, [30, 5], [{}]));
    await window.record('local', observation(2_000, [40, 5], [{ state: 'PreparingRebalance' }]));
    const points = await window.recentPoints('local', 'billing', 0);
    expect(points.map((point) => [point.observedAtMs, point.state])).toEqual([[1_000, 'Stable'], [2_000, 'PreparingRebalance']]);
    // Partition 0: committed 10, end 40 -> lag 30. Partition 1: never committed -> lag unknown.
    expect(points[1]?.partitions).toEqual([
      { topic: 'orders', partition: 0, committedOffset: 10, logEndOffset: 40, lag: 30 },
      { topic: 'orders', partition: 1, committedOffset: null, logEndOffset: 5, lag: null },
    ]);
    expect(await window.recentPoints('local', 'billing', 1_500)).toHaveLength(1);
    expect(await window.recentPoints('local', 'unknown', 0)).toEqual([]);
    expect(await window.recentPoints('other-cluster', 'billing', 0)).toEqual([]);
  });

  it('ignores an observation recorded twice or out of order', async () => {
    const window = new InMemoryGroupHistoryWindow(options);
    const first = observation(1_000, [30, 5], [{}]);
    await window.record('local', first);
    await window.record('local', first);
    await window.record('local', observation(500, [30, 5], [{}]));
    expect(await window.recentPoints('local', 'billing', 0)).toHaveLength(1);
  });

  it('keeps at most maxPointsPerGroup points, the newest', async () => {
    const window = new InMemoryGroupHistoryWindow(options);
    for (let second = 1; second <= 8; second++) {
      await window.record('local', observation(second * 1_000, [30 + second, 5], [{ generationOrEpoch: second }]));
    }
    const points = await window.recentPoints('local', 'billing', 0);
    expect(points.map((point) => point.generationOrEpoch)).toEqual([4, 5, 6, 7, 8]);
  });

  it('shrinks the points per group so a cluster stays within its sample budget, never below 2', async () => {
    // 2 groups x 2 partitions = 4 samples per observation; budget 10 -> 2 points per group.
    const window = new InMemoryGroupHistoryWindow({ ...options, maxPartitionSamplesPerCluster: 10 });
    for (let second = 1; second <= 4; second++) {
      await window.record('local', observation(second * 1_000, [30, 5], [{ generationOrEpoch: second }, { groupId: 'audit', generationOrEpoch: second }]));
    }
    expect(window.size('local')).toEqual({ groupCount: 2, pointCount: 4, partitionSampleCount: 8 });
  });

  it('drops points older than the retention and forgets groups that left the cluster', async () => {
    const window = new InMemoryGroupHistoryWindow({ ...options, retentionMs: 10_000 });
    await window.record('local', observation(0, [30, 5], [{}, { groupId: 'deleted' }]));
    await window.record('local', observation(5_000, [30, 5], [{}]));
    expect(window.size('local').groupCount).toBe(2);
    await window.record('local', observation(12_000, [30, 5], [{}]));
    expect((await window.recentPoints('local', 'billing', 0)).map((point) => point.observedAtMs)).toEqual([5_000, 12_000]);
    expect(window.size('local').groupCount).toBe(1);
  });

  it('replaces the middle of a steady run within the minimum spacing, but keeps every coordination change', async () => {
    const window = new InMemoryGroupHistoryWindow({ ...options, maxPointsPerGroup: 60, minimumSpacingMs: 10_000 });
    // Stable x3 within 10 s: the second is replaced by the third. Then a rebalance and a new member count.
    const states: [number, string, number][] = [[0, 'Stable', 1], [1_000, 'Stable', 1], [2_000, 'Stable', 1], [3_000, 'PreparingRebalance', 1], [4_000, 'Stable', 2], [20_000, 'Stable', 2]];
    for (const [observedAtMs, state, memberCount] of states) {
      const members = Array.from({ length: memberCount }, (_unused, index) => ({ memberId: `m${index}`, clientId: 'c', host: '/h', assignedPartitions: [] }));
      await window.record('local', observation(observedAtMs, [30, 5], [{ state, members }]));
    }
    const points = await window.recentPoints('local', 'billing', 0);
    expect(points.map((point) => `${point.observedAtMs}:${point.state}:${point.memberCount}`)).toEqual([
      '0:Stable:1', '2000:Stable:1', '3000:PreparingRebalance:1', '4000:Stable:2', '20000:Stable:2',
    ]);
  });

  it('rejects a window of fewer than two points', () => {
    expect(() => new InMemoryGroupHistoryWindow({ ...options, maxPointsPerGroup: 1 })).toThrow(RangeError);
  });
});
