import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroupDetailRoute } from '@/app/api/v1/consumers/groups/[group_id]/route';
import { GET as getGroupHealthRoute } from '@/app/api/v1/consumers/groups/[group_id]/health/route';
import { giniCoefficient } from '@/lib/analysis';
import { closeKafkaConnections } from '@/lib/kafka';
import {
  commitOffsetsWithoutMembers,
  deleteRecordsBefore,
  ensureTopics,
  produceMessages,
  startConsumerMember,
  startStoppedGroup,
  startUnfairGroup,
  type ConsumerMember,
  type RunningGroup,
} from '@/lib/kafka/workload';
import type { GroupDetailJson } from '@/lib/consumers/group-detail-view';
import type { GroupHealthJson } from '@/lib/consumers/group-health-view';
import { callRoute, createTestToken } from '../support/api-client';
import { describeWithKafkaTool, differencesFromTool } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// Every partition's committed offset, log-end offset and lag, as the API reports them, must be
// what Kafka's own kafka-consumer-groups --describe prints for the same group: a lagging group
// with a partition it never committed, a stopped group, a skewed group (and its Gini, from the
// tool's --members output too) and a group whose records were deleted below its committed offset.

const clusterId = 'test';
let token = '';
const members: ConsumerMember[] = [];
const running: RunningGroup[] = [];

async function groupDetailOrNull(groupId: string): Promise<GroupDetailJson | null> {
  const response = await callRoute(getGroupDetailRoute, { path: `/api/v1/consumers/groups/${encodeURIComponent(groupId)}?cluster_id=${clusterId}`, params: { group_id: groupId }, token });
  if (response.status === 404) {
    return null;
  }
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as GroupDetailJson;
}

async function groupDetail(groupId: string): Promise<GroupDetailJson> {
  const detail = await groupDetailOrNull(groupId);
  expect(detail, `group ${groupId}`).not.toBeNull();
  return detail as GroupDetailJson;
}

async function groupHealth(groupId: string): Promise<GroupHealthJson> {
  const response = await callRoute(getGroupHealthRoute, { path: `/api/v1/consumers/groups/${encodeURIComponent(groupId)}/health?cluster_id=${clusterId}`, params: { group_id: groupId }, token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as GroupHealthJson;
}

const offsetsOf = (detail: GroupDetailJson) => JSON.stringify(detail.partitions.map((partition) => [partition.committed_offset, partition.log_end_offset]));

/** Polls the detail until `ready` holds and two reads a second apart agree (nothing moves any more). */
async function settledDetail(groupId: string, ready: (detail: GroupDetailJson) => boolean, attempts = 60): Promise<GroupDetailJson> {
  let previous = await groupDetailOrNull(groupId);
  for (let attempt = 0; attempt < attempts; attempt++) {
    await sleep(1_000);
    const next = await groupDetailOrNull(groupId);
    if (next && previous && ready(next) && offsetsOf(next) === offsetsOf(previous) && next.state === previous.state) {
      return next;
    }
    previous = next;
  }
  throw new Error(`group ${groupId} did not settle: ${JSON.stringify(previous)}`);
}

/** Compares the API with the tool; reads the API again after the tool, so a moving group cannot pass by luck. */
async function expectDetailMatchesTool(groupId: string, detail: GroupDetailJson): Promise<void> {
  const rows = await describeWithKafkaTool([groupId]);
  expect(rows.filter((row) => row.GROUP === groupId).length, `tool rows for ${groupId}`).toBeGreaterThan(0);
  expect(differencesFromTool(groupId, detail.partitions, rows)).toEqual([]);
  expect(offsetsOf(await groupDetail(groupId)), 'nothing moved while the tool ran').toBe(offsetsOf(detail));
}

// 40 messages on partitions 0 and 1 of `topic`, none on partition 2.
const topic = uniqueName('truth-orders');

beforeAll(async () => {
  token = await createTestToken('viewer');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 3 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 40, partition: 0 });
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 40, partition: 1 });
});

afterAll(async () => {
  await Promise.all([...members.map((member) => member.stop()), ...running.map((group) => group.stop())]);
  await closeKafkaConnections();
});

describe('API lag vs kafka-consumer-groups --describe', () => {
  it('lagging group with a partition it never committed', { timeout: 120_000 }, async () => {
    // The member processes 60 of the 80 messages and holds: lag 20 (partition 0 holds only 40, so
    // both 0 and 1 are committed). Partition 2 (assigned, nothing to consume) is never committed:
    // the tool shows "-", the API null and a flag.
    const groupId = uniqueName('truth-lagging');
    members.push(await startConsumerMember({ brokers: testKafkaBrokers, groupId, topics: [topic], groupProtocol: 'classic', maxMessages: 60, commitIntervalMs: 200 }));
    const detail = await settledDetail(groupId, (candidate) => candidate.state === 'Stable' && candidate.lag_metrics.total_lag === 20);
    await expectDetailMatchesTool(groupId, detail);
    expect(detail.partitions.find((partition) => partition.partition === 2)).toMatchObject({
      committed_offset: null, log_end_offset: 0, lag: null, flags: ['never_committed'],
    });
    expect(detail.partitions.every((partition) => partition.owner !== null)).toBe(true);
    expect(detail.never_committed_count).toBe(1);
  });

  it('stopped group: no members, committed offsets, lag growing', { timeout: 120_000 }, async () => {
    const groupId = uniqueName('truth-stopped');
    // 80 messages on partition 0; the group consumes 20 and leaves; 10 more arrive: lag 90 - 20 = 70.
    // Partition 1 stays empty, so the group never committed it.
    const stoppedTopic = uniqueName('truth-stopped');
    await ensureTopics(testKafkaBrokers, [{ name: stoppedTopic, partitions: 2 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic: stoppedTopic, count: 80, partition: 0 });
    await startStoppedGroup({ brokers: testKafkaBrokers, groupId, topics: [stoppedTopic], messagesToConsume: 20 });
    await produceMessages({ brokers: testKafkaBrokers, topic: stoppedTopic, count: 10, partition: 0 });
    const detail = await settledDetail(groupId, (candidate) => candidate.state === 'Empty');
    expect(detail.member_count).toBe(0);
    expect(detail.lag_metrics.total_lag).toBe(90 - 20);
    expect(detail.partitions.map((partition) => [partition.partition, partition.committed_offset, partition.lag])).toEqual([[0, 20, 70], [1, null, null]]);
    await expectDetailMatchesTool(groupId, detail);
    const health = await groupHealth(groupId);
    expect(health.recommendation).toContain('restart the stopped consumers');
  });

  it('skewed group: offsets as the tool says, Gini above 0.3 from the API and from the tool', { timeout: 200_000 }, async () => {
    // startUnfairGroup: range assignor over topics of 6, 4 and 3 partitions -> 9, 2, 2 partitions.
    const topics = [uniqueName('truth-skew-a'), uniqueName('truth-skew-b'), uniqueName('truth-skew-c')];
    await ensureTopics(testKafkaBrokers, topics.map((name, index) => ({ name, partitions: [6, 4, 3][index] as number })));
    await Promise.all(topics.map((name) => produceMessages({ brokers: testKafkaBrokers, topic: name, count: 30 })));
    const groupId = uniqueName('truth-skewed');
    running.push(await startUnfairGroup({ brokers: testKafkaBrokers, groupId, topics }));
    // Three members start, rebalance and commit 13 partitions: on a busy machine that takes longer.
    const detail = await settledDetail(groupId, (candidate) =>
      candidate.state === 'Stable' && candidate.member_count === 3 && candidate.lag_metrics.total_lag === 0 && candidate.never_committed_count === 0, 150);
    await expectDetailMatchesTool(groupId, detail);
    expect(detail.members.map((member) => member.partition_count).sort((left, right) => left - right)).toEqual([2, 2, 9]);

    const memberRows = (await describeWithKafkaTool([groupId], '--members')).filter((row) => row.GROUP === groupId);
    const toolGini = giniCoefficient(memberRows.map((row) => Number(row['#PARTITIONS'])));
    const health = await groupHealth(groupId);
    // Counts 2, 2, 9: G = sum |xi - xj| / (2 n^2 mean) = 28 / (2 * 9 * 13/3) = 0.359.
    expect(toolGini).toBeCloseTo(28 / 78, 10);
    expect(health.fairness_gini).toBeCloseTo(toolGini as number, 10);
    expect(health.fairness_gini).toBeGreaterThan(0.3);
    expect(health.recommendation).toContain('skewed');
  });

  it('records deleted below a committed offset: data loss flagged with both numbers, lag as the tool says', { timeout: 120_000 }, async () => {
    const lossTopic = uniqueName('truth-retention');
    await ensureTopics(testKafkaBrokers, [{ name: lossTopic, partitions: 2 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic: lossTopic, count: 50, partition: 0 });
    await produceMessages({ brokers: testKafkaBrokers, topic: lossTopic, count: 50, partition: 1 });
    const groupId = uniqueName('truth-data-loss');
    await commitOffsetsWithoutMembers(testKafkaBrokers, groupId, [{ topic: lossTopic, partition: 0, offset: 10 }, { topic: lossTopic, partition: 1, offset: 40 }]);
    await deleteRecordsBefore(testKafkaBrokers, lossTopic, [{ partition: 0, offset: 30 }, { partition: 1, offset: 30 }]);
    const detail = await groupDetail(groupId);
    await expectDetailMatchesTool(groupId, detail);
    expect(detail.partitions).toEqual([
      expect.objectContaining({ partition: 0, committed_offset: 10, log_start_offset: 30, log_end_offset: 50, lag: 40, flags: ['data_loss'],
        data_loss: { committed_offset: 10, log_start_offset: 30, lost_messages: 20 } }),
      expect.objectContaining({ partition: 1, committed_offset: 40, log_start_offset: 30, log_end_offset: 50, lag: 10, flags: [], data_loss: null }),
    ]);
    expect(detail.data_loss_count).toBe(1);
    expect((await groupHealth(groupId)).recommendation).toContain('committed 10, log start 30');
  });
});
