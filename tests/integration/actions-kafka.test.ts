import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as resetRoute } from '@/app/api/v1/consumers/groups/[group_id]/offsets/reset/route';
import { DELETE as deleteOffsetsRoute } from '@/app/api/v1/consumers/groups/[group_id]/offsets/route';
import { DELETE as deleteGroupRoute } from '@/app/api/v1/consumers/groups/[group_id]/route';
import { GET as auditRoute } from '@/app/api/v1/audit/route';
import type { AuditListResponse, OffsetResetResponse } from '@/lib/actions/api-schemas';
import { closeKafkaConnections, observeKafkaCluster } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages, startConsumerMember, type ConsumerMember } from '@/lib/kafka/workload';
import { callRoute, createTestToken } from '../support/api-client';
import { describeWithKafkaTool, runConsumerGroupsTool, type ToolRow } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// Each Kafka action through its route, against the real broker; every outcome compared with
// Kafka's own kafka-consumer-groups --describe, every refusal checked in the audit log.

const clusterId = 'test';
const topic = uniqueName('actions-orders');
const otherTopic = uniqueName('actions-other');
const emptyGroup = uniqueName('actions-empty');
const liveGroup = uniqueName('actions-live');
const deletableGroup = uniqueName('actions-deletable');
let operatorToken = '';
let viewerToken = '';
let liveMember: ConsumerMember | null = null;
let timestampBetweenBatchesMs = 0;

const groupPath = (groupId: string, suffix = '', query = `?cluster_id=${clusterId}`) => `/api/v1/consumers/groups/${encodeURIComponent(groupId)}${suffix}${query}`;

function reset(groupId: string, body: unknown, token = operatorToken) {
  return callRoute(resetRoute, { path: groupPath(groupId, '/offsets/reset'), params: { group_id: groupId }, token, method: 'POST', body });
}

/** The tool's rows of one topic, by partition: CURRENT-OFFSET, LOG-END-OFFSET and LAG. */
async function toolOffsets(groupId: string, topicName = topic): Promise<Record<number, { current: string; logEnd: string; lag: string }>> {
  const rows: ToolRow[] = await describeWithKafkaTool([groupId]);
  return Object.fromEntries(rows.filter((row) => row.TOPIC === topicName).map((row) => [Number(row.PARTITION), {
    current: row['CURRENT-OFFSET'] as string, logEnd: row['LOG-END-OFFSET'] as string, lag: row.LAG as string,
  }]));
}

async function auditEntries(query: string) {
  const response = await callRoute(auditRoute, { path: `/api/v1/audit?${query}`, params: {}, token: operatorToken });
  expect(response.status).toBe(200);
  return (response.body as AuditListResponse).entries;
}

async function waitForMembers(groupId: string): Promise<void> {
  for (let attempt = 0; attempt < 90; attempt += 1) {
    const observation = await observeKafkaCluster({ id: clusterId, brokers: testKafkaBrokers }, { requestTimeoutMs: 5_000 });
    const group = observation.groups.find((candidate) => candidate.groupId === groupId);
    if (group?.state === 'Stable' && group.members.length === 1) return;
    await sleep(500);
  }
  throw new Error(`group ${groupId} did not get its member`);
}

beforeAll(async () => {
  operatorToken = await createTestToken('operator');
  viewerToken = await createTestToken('viewer');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 3 }, { name: otherTopic, partitions: 1 }]);
  // 20 messages per partition, then (after a pause) 10 more: a timestamp between them splits them.
  for (const partition of [0, 1, 2]) await produceMessages({ brokers: testKafkaBrokers, topic, count: 20, partition });
  await sleep(1_100);
  timestampBetweenBatchesMs = Date.now();
  await sleep(1_100);
  for (const partition of [0, 1, 2]) await produceMessages({ brokers: testKafkaBrokers, topic, count: 10, partition });
  await produceMessages({ brokers: testKafkaBrokers, topic: otherTopic, count: 5, partition: 0 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, emptyGroup, [
    { topic, partition: 0, offset: 10 }, { topic, partition: 1, offset: 15 }, { topic, partition: 2, offset: 30 },
    { topic: otherTopic, partition: 0, offset: 2 },
  ]);
  await commitOffsetsWithoutMembers(testKafkaBrokers, deletableGroup, [{ topic, partition: 0, offset: 5 }]);
  liveMember = await startConsumerMember({ brokers: testKafkaBrokers, groupId: liveGroup, topics: [topic], groupProtocol: 'classic', clientId: 'actions-live-client', commitIntervalMs: 200 });
  await waitForMembers(liveGroup);
}, 180_000);

afterAll(async () => {
  await liveMember?.stop();
  await closeKafkaConnections();
});

describe('POST /consumers/groups/{group_id}/offsets/reset', () => {
  it('previews a reset to earliest without changing anything', async () => {
    const response = await reset(emptyGroup, { topic, to: { earliest: true }, dry_run: true });
    expect(response.status).toBe(200);
    const body = response.body as OffsetResetResponse;
    expect(body).toMatchObject({ dry_run: true, executed: false, can_execute: true, live_members: [], group_state: 'Empty', audit_id: null });
    expect(body.partitions).toEqual([0, 1, 2].map((partition) => ({
      partition, current_offset: [10, 15, 30][partition], new_offset: 0, log_start_offset: 0, log_end_offset: 30,
      lag_before: [20, 15, 0][partition], lag_after: 30, clamped: false,
    })));
    expect(body.total_lag_before).toBe(35);
    expect(body.total_lag_after).toBe(90);
    // Nothing moved: Kafka's tool still shows the committed offsets.
    const tool = await toolOffsets(emptyGroup);
    expect([0, 1, 2].map((partition) => tool[partition]?.current)).toEqual(['10', '15', '30']);
  });

  it('shifts chosen partitions by -12, clamped at the log start, and Kafka’s tool agrees', async () => {
    const response = await reset(emptyGroup, { topic, partitions: [0, 1], to: { shift_by: -12 }, dry_run: false });
    expect(response.status).toBe(200);
    const body = response.body as OffsetResetResponse;
    expect(body.executed).toBe(true);
    expect(body.partitions.map((row) => [row.partition, row.new_offset, row.lag_after, row.clamped])).toEqual([[0, 0, 30, true], [1, 3, 27, false]]);
    expect(body.committed_after).toEqual([{ partition: 0, committed_offset: 0 }, { partition: 1, committed_offset: 3 }]);
    const tool = await toolOffsets(emptyGroup);
    expect(tool[0]).toEqual({ current: '0', logEnd: '30', lag: '30' });
    expect(tool[1]).toEqual({ current: '3', logEnd: '30', lag: '27' });
    expect(tool[2]).toEqual({ current: '30', logEnd: '30', lag: '0' });
    const [entry] = await auditEntries(`group=${encodeURIComponent(emptyGroup)}&action=kafka.offsets.reset&outcome=succeeded`);
    expect(entry).toMatchObject({
      id: body.audit_id, outcome: 'succeeded', status: 200, cluster_id: clusterId, topic,
      parameters: { to: { shift_by: -12 }, partitions: [0, 1] },
      before: [{ partition: 0, committed_offset: 10 }, { partition: 1, committed_offset: 15 }],
      after: [{ partition: 0, committed_offset: 0 }, { partition: 1, committed_offset: 3 }],
    });
    expect(entry?.actor.role).toBe('operator');
  });

  it('resets to a timestamp with ListOffsets by time: the first record at or after it', async () => {
    const response = await reset(emptyGroup, { topic, to: { timestamp: new Date(timestampBetweenBatchesMs).toISOString() }, dry_run: false });
    expect(response.status).toBe(200);
    expect((response.body as OffsetResetResponse).partitions.map((row) => row.new_offset)).toEqual([20, 20, 20]);
    const tool = await toolOffsets(emptyGroup);
    expect([0, 1, 2].map((partition) => tool[partition]?.lag)).toEqual(['10', '10', '10']);
  });

  it('an offset beyond the log end is clamped to it; latest gives lag 0 in Kafka’s tool', async () => {
    const clampedPreview = await reset(emptyGroup, { topic, partitions: [2], to: { offset: 1_000_000 }, dry_run: true });
    expect((clampedPreview.body as OffsetResetResponse).partitions[0]).toMatchObject({ new_offset: 30, clamped: true, lag_after: 0 });
    const response = await reset(emptyGroup, { topic, to: { latest: true }, dry_run: false });
    expect(response.status).toBe(200);
    const tool = await toolOffsets(emptyGroup);
    expect([0, 1, 2].map((partition) => [tool[partition]?.current, tool[partition]?.lag])).toEqual([['30', '0'], ['30', '0'], ['30', '0']]);
  });

  it('refuses a group with live members (409, naming them); the preview says it cannot run', async () => {
    const before = await toolOffsets(liveGroup);
    const preview = await reset(liveGroup, { topic, to: { earliest: true }, dry_run: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ can_execute: false, group_state: 'Stable', live_members: [{ client_id: 'actions-live-client' }] });
    const response = await reset(liveGroup, { topic, to: { earliest: true }, dry_run: false });
    expect(response.status).toBe(409);
    const error = (response.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('live members');
    expect(error.message).toContain('actions-live-client');
    // Kafka's tool: the member still consumes from where it was, never from 0.
    const after = await toolOffsets(liveGroup);
    for (const partition of [0, 1, 2]) expect(Number(after[partition]?.current ?? 0)).toBeGreaterThanOrEqual(Number(before[partition]?.current ?? 0));
    const [entry] = await auditEntries(`group=${encodeURIComponent(liveGroup)}&outcome=refused`);
    expect(entry).toMatchObject({ action: 'kafka.offsets.reset', status: 409, outcome: 'refused' });
    expect(entry?.message).toContain('actions-live-client');
  });

  it('a viewer gets 403 for the preview and the reset, and the attempt is audited', async () => {
    expect((await reset(emptyGroup, { topic, to: { earliest: true }, dry_run: true }, viewerToken)).status).toBe(403);
    const response = await reset(emptyGroup, { topic, to: { earliest: true }, dry_run: false }, viewerToken);
    expect(response.status).toBe(403);
    expect((await toolOffsets(emptyGroup))[0]?.current).toBe('30');
    const [entry] = await auditEntries(`group=${encodeURIComponent(emptyGroup)}&outcome=refused`);
    expect(entry).toMatchObject({ status: 403, actor: { role: 'viewer' } });
  });

  it('answers 400 for a malformed target, an unknown partition or a shift without a committed offset; 404 for an unknown group', async () => {
    expect((await reset(emptyGroup, { topic, to: { latest: true, earliest: true }, dry_run: true })).status).toBe(400);
    expect((await reset(emptyGroup, { topic, to: { shift_by: 0 }, dry_run: true })).status).toBe(400);
    expect((await reset(emptyGroup, { topic, partitions: [7], to: { latest: true }, dry_run: true })).status).toBe(400);
    expect((await reset(deletableGroup, { topic, partitions: [1], to: { shift_by: 1 }, dry_run: true })).body).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('no committed offset') } });
    expect((await reset(uniqueName('missing'), { topic, to: { latest: true }, dry_run: true })).status).toBe(404);
    const notJson = await callRoute(resetRoute, { path: groupPath(emptyGroup, '/offsets/reset'), params: { group_id: emptyGroup }, token: operatorToken, method: 'POST', body: 'x'.repeat(2 * 1_048_576) });
    expect(notJson.status).toBe(413);
  });
});

describe('a KIP-848 consumer group', () => {
  it('is reset once its member has left, as a classic group is', async () => {
    const consumerGroup = uniqueName('actions-kip848');
    const member = await startConsumerMember({ brokers: testKafkaBrokers, groupId: consumerGroup, topics: [topic], groupProtocol: 'consumer', clientId: 'actions-kip848-client', commitIntervalMs: 200 });
    try {
      await waitForMembers(consumerGroup);
      const refused = await reset(consumerGroup, { topic, to: { earliest: true }, dry_run: false });
      expect(refused.status).toBe(409);
      expect(JSON.stringify(refused.body)).toContain('actions-kip848-client');
    } finally {
      await member.stop();
    }
    // The member left: the group is Empty and its committed offsets can be moved.
    let response = await reset(consumerGroup, { topic, to: { earliest: true }, dry_run: false });
    for (let attempt = 0; response.status === 409 && attempt < 30; attempt += 1) {
      await sleep(1_000);
      response = await reset(consumerGroup, { topic, to: { earliest: true }, dry_run: false });
    }
    expect(response.status).toBe(200);
    const tool = await toolOffsets(consumerGroup);
    expect([0, 1, 2].map((partition) => [tool[partition]?.current, tool[partition]?.lag])).toEqual([['0', '30'], ['0', '30'], ['0', '30']]);
  });
});

describe('DELETE /consumers/groups/{group_id}/offsets and /consumers/groups/{group_id}', () => {
  it('deletes the offsets of one topic; the other topic keeps its offsets', async () => {
    const response = await callRoute(deleteOffsetsRoute, {
      path: groupPath(emptyGroup, '/offsets', `?cluster_id=${clusterId}&topic=${otherTopic}`), params: { group_id: emptyGroup }, token: operatorToken, method: 'DELETE',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ topic: otherTopic, deleted_partitions: [0] });
    expect(await toolOffsets(emptyGroup, otherTopic)).toEqual({});
    expect(Object.keys(await toolOffsets(emptyGroup, topic))).toEqual(['0', '1', '2']);
  });

  it('refuses to delete the offsets or the group while it has members', async () => {
    const offsets = await callRoute(deleteOffsetsRoute, {
      path: groupPath(liveGroup, '/offsets', `?cluster_id=${clusterId}&topic=${topic}`), params: { group_id: liveGroup }, token: operatorToken, method: 'DELETE',
    });
    expect(offsets.status).toBe(409);
    const group = await callRoute(deleteGroupRoute, { path: groupPath(liveGroup), params: { group_id: liveGroup }, token: operatorToken, method: 'DELETE' });
    expect(group.status).toBe(409);
    expect(JSON.stringify(group.body)).toContain('actions-live-client');
    expect(await runConsumerGroupsTool(['--list'])).toContain(liveGroup);
  });

  it('deletes an empty group: Kafka’s tool no longer lists it', async () => {
    expect(await runConsumerGroupsTool(['--list'])).toContain(deletableGroup);
    const response = await callRoute(deleteGroupRoute, { path: groupPath(deletableGroup), params: { group_id: deletableGroup }, token: operatorToken, method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ group_id: deletableGroup, deleted: true });
    expect((await runConsumerGroupsTool(['--list'])).split('\n')).not.toContain(deletableGroup);
    const [entry] = await auditEntries(`group=${encodeURIComponent(deletableGroup)}&action=kafka.group.delete`);
    expect(entry).toMatchObject({ outcome: 'succeeded', before: { state: 'Empty', committed_offsets: [{ topic, partition: 0, committed_offset: 5 }] } });
    const again = await callRoute(deleteGroupRoute, { path: groupPath(deletableGroup), params: { group_id: deletableGroup }, token: operatorToken, method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});

describe('GET /api/v1/audit', () => {
  it('is 403 for viewers and filters by outcome for operators', async () => {
    expect((await callRoute(auditRoute, { path: '/api/v1/audit', params: {}, token: viewerToken })).status).toBe(403);
    const refused = await auditEntries('outcome=refused&limit=500');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((entry) => entry.outcome === 'refused')).toBe(true);
    expect((await callRoute(auditRoute, { path: '/api/v1/audit?outcome=maybe', params: {}, token: operatorToken })).status).toBe(400);
  });
});
