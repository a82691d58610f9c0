import { describe, expect, it } from 'vitest';
import type { ClusterMetadata } from '@platformatic/kafka';
import { rangeAssigner } from './range-assignor';

function metadata(partitionCounts: Record<string, number>): ClusterMetadata {
  const topics = new Map(Object.entries(partitionCounts).map(([name, partitionsCount]) => [name, {
    id: name, partitions: [], partitionsCount, lastUpdate: 0,
  }]));
  return { id: 'cluster', brokers: new Map(), controllerId: 1, topics, lastUpdate: 0 };
}

function counts(assignments: ReturnType<typeof rangeAssigner>): Record<string, Record<string, number[]>> {
  return Object.fromEntries(assignments.map(({ memberId, assignments: byTopic }) =>
    [memberId, Object.fromEntries([...byTopic.values()].map(({ topic, partitions }) => [topic, partitions]))]));
}

describe('rangeAssigner', () => {
  it('gives consecutive ranges per topic, the first members one more (as Kafka RangeAssignor)', () => {
    const members = new Map(['c', 'a', 'b'].map((memberId) => [memberId, { memberId, version: 0, topics: ['orders'] }]));
    expect(counts(rangeAssigner('a', members, new Set(['orders']), metadata({ orders: 7 })))).toEqual({
      a: { orders: [0, 1, 2] },
      b: { orders: [3, 4] },
      c: { orders: [5, 6] },
    });
  });

  it('assigns a topic only among its subscribers, so a member with more topics gets more', () => {
    const members = new Map([
      ['busy', { memberId: 'busy', version: 0, topics: ['orders', 'payments', 'audit'] }],
      ['idle-1', { memberId: 'idle-1', version: 0, topics: ['orders'] }],
      ['idle-2', { memberId: 'idle-2', version: 0, topics: ['orders'] }],
    ]);
    // The leader's own subscription must not limit the topics assigned.
    const assignment = rangeAssigner('idle-1', members, new Set(['orders']), metadata({ orders: 6, payments: 4, audit: 3 }));
    const partitionCounts = Object.fromEntries(Object.entries(counts(assignment)).map(([memberId, byTopic]) =>
      [memberId, Object.values(byTopic).reduce((sum, partitions) => sum + partitions.length, 0)]));
    expect(partitionCounts).toEqual({ busy: 9, 'idle-1': 2, 'idle-2': 2 });
  });
});
