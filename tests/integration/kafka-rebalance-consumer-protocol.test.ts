import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroupDetailRoute } from '@/app/api/v1/consumers/groups/[group_id]/route';
import { GET as getGroupHealthRoute } from '@/app/api/v1/consumers/groups/[group_id]/health/route';
import { closeKafkaConnections } from '@/lib/kafka';
import { ensureTopics, produceMessages, startConsumerMember, type ConsumerMember, type GroupProtocol } from '@/lib/kafka/workload';
import type { GroupDetailJson } from '@/lib/consumers/group-detail-view';
import type { GroupHealthJson } from '@/lib/consumers/group-health-view';
import { callRoute, createTestToken } from '../support/api-client';
import { describeWithKafkaTool, differencesFromTool, parseToolAssignment } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// A group whose members join while Lagboard watches: the in-memory window must count the
// rebalance in the group's rebalance score. And a KIP-848 `consumer` group, whose members,
// epochs, assignments and lag the API must report exactly as kafka-consumer-groups does.

const clusterId = 'test';
let token = '';
const members: ConsumerMember[] = [];

async function readRoute<Body>(route: typeof getGroupDetailRoute, groupId: string, suffix: string): Promise<Body | null> {
  const response = await callRoute(route, { path: `/api/v1/consumers/groups/${encodeURIComponent(groupId)}${suffix}?cluster_id=${clusterId}`, params: { group_id: groupId }, token });
  if (response.status === 404) return null;
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Body;
}

const groupDetail = (groupId: string) => readRoute<GroupDetailJson>(getGroupDetailRoute, groupId, '');
const groupHealth = (groupId: string) => readRoute<GroupHealthJson>(getGroupHealthRoute, groupId, '/health');
const fingerprint = (detail: GroupDetailJson | null) => JSON.stringify(detail && [detail.state, detail.members, detail.partitions]);

/** Polls (each read is a fresh observation, recorded in the window) until `ready` holds and nothing moves. */
async function settledDetail(groupId: string, ready: (detail: GroupDetailJson) => boolean): Promise<GroupDetailJson> {
  let previous = await groupDetail(groupId);
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(1_000);
    const next = await groupDetail(groupId);
    if (next && ready(next) && fingerprint(next) === fingerprint(previous)) return next;
    previous = next;
  }
  throw new Error(`group ${groupId} did not settle: ${JSON.stringify(previous)}`);
}

function startMembers(groupId: string, topic: string, groupProtocol: GroupProtocol, count: number, maxMessages?: number): Promise<ConsumerMember[]> {
  return Promise.all(Array.from({ length: count }, () =>
    startConsumerMember({ brokers: testKafkaBrokers, groupId, topics: [topic], groupProtocol, clientId: `rebalance-${groupProtocol}`, maxMessages, commitIntervalMs: 200 })));
}

beforeAll(async () => {
  token = await createTestToken('viewer');
});

afterAll(async () => {
  await Promise.all(members.map((member) => member.stop()));
  await closeKafkaConnections();
});

describe('rebalances and KIP-848 groups through the API', () => {
  it('counts members joining as a rebalance in the score over the in-memory window', { timeout: 180_000 }, async () => {
    const topic = uniqueName('rebalance-orders');
    await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 6 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 60 });
    const groupId = uniqueName('rebalance-classic');
    members.push(...await startMembers(groupId, topic, 'classic', 1));
    await settledDetail(groupId, (detail) => detail.state === 'Stable' && detail.member_count === 1 && detail.lag_metrics.total_lag === 0);
    // Usually 0; the first member's own join counts when a poll caught the group before it.
    const before = await groupHealth(groupId) as GroupHealthJson;

    members.push(...await startMembers(groupId, topic, 'classic', 2));
    const detail = await settledDetail(groupId, (candidate) =>
      candidate.state === 'Stable' && candidate.member_count === 3 && candidate.members.every((member) => member.partition_count === 2));
    const health = await groupHealth(groupId) as GroupHealthJson;
    // At least one more rebalance (1 -> 3 members; the two joins may land in one rebalance or two);
    // each costs 10 points of the seed's score with the default max of 10 rebalances.
    expect(health.rebalance_count).toBeGreaterThan(before.rebalance_count);
    expect(health.rebalance_score).toBeLessThan(100);
    expect(health.rebalance_score).toBe(100 - health.rebalance_count * 10);
    expect(health.window.point_count).toBeGreaterThanOrEqual(3);
    expect(health.fairness_gini).toBe(0);

    const rows = await describeWithKafkaTool([groupId]);
    expect(differencesFromTool(groupId, detail.partitions, rows)).toEqual([]);
  });

  it('reports a consumer-type group with epochs, assignments and lag as the tool does', { timeout: 180_000 }, async () => {
    const topic = uniqueName('kip848-orders');
    await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 4 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 40 });
    const groupId = uniqueName('kip848-group');
    const ownMembers = await startMembers(groupId, topic, 'consumer', 2, 12);
    members.push(...ownMembers);
    const detail = await settledDetail(groupId, (candidate) =>
      candidate.state === 'Stable' && candidate.member_count === 2 && candidate.members.every((member) => member.partition_count > 0)
      && ownMembers.every((member) => member.processedCount() === 12 && !member.hasUncommittedWork()));
    expect(detail).toMatchObject({ type: 'consumer', partition_assignor: 'uniform' });
    expect(detail.generation_or_epoch).toBeGreaterThan(0);
    // Both members processed 12 and hold: 40 - 24 = 16 behind on the committed partitions.
    expect(detail.partitions.reduce((sum, partition) => sum + (partition.committed_offset ?? 0), 0)).toBe(24);

    const [offsetRows, memberRows] = await Promise.all([describeWithKafkaTool([groupId]), describeWithKafkaTool([groupId], '--members', '--verbose')]);
    expect(differencesFromTool(groupId, detail.partitions, offsetRows)).toEqual([]);
    expect(fingerprint(await groupDetail(groupId)), 'nothing moved while the tool ran').toBe(fingerprint(detail));
    for (const member of detail.members) {
      const row = memberRows.find((candidate) => candidate['CONSUMER-ID'] === member.member_id);
      expect(row, member.member_id).toBeDefined();
      expect(member.member_epoch).toBe(Number(row?.['CURRENT-EPOCH']));
      const refs = (partitions: { topic: string; partition: number }[] | null) => (partitions ?? []).map(({ topic: name, partition }) => `${name}:${partition}`).sort();
      expect(refs(member.assigned_partitions)).toEqual(parseToolAssignment(row?.['CURRENT-ASSIGNMENT']));
      expect(refs(member.target_assignment)).toEqual(parseToolAssignment(row?.['TARGET-ASSIGNMENT']));
    }
  });
});
