import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listGroupsRoute } from '@/app/api/v1/consumers/groups/route';
import { GET as groupDetailRoute } from '@/app/api/v1/consumers/groups/[group_id]/route';
import { GET as groupHealthRoute } from '@/app/api/v1/consumers/groups/[group_id]/health/route';
import { GET as topicConsumersRoute } from '@/app/api/v1/consumers/topics/[topic_name]/consumers/route';
import { GET as topicDetailRoute } from '@/app/api/v1/consumers/topics/[topic_name]/detail/route';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import type { GroupListJson } from '@/lib/consumers/group-list-view';
import type { GroupDetailJson } from '@/lib/consumers/group-detail-view';
import type { GroupHealthJson } from '@/lib/consumers/group-health-view';
import type { GroupScalingJson } from '@/lib/consumers/group-scaling';
import type { TopicConsumersJson } from '@/lib/consumers/topic-consumers-view';
import type { TopicDetailJson } from '@/lib/consumers/topic-detail-view';
import { callRoute, createTestToken } from '../support/api-client';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// The five consumer endpoints, called in-process through the real wrapper, auth and broker:
// shapes, group ids with any character, 400s, 404s and 401.

const clusterId = 'test';
const topic = uniqueName('api-orders');
const idleTopic = uniqueName('api-idle');
// Spaces, a slash, a dot, unicode; and a literal "%41", which must not be decoded a second time.
const oddGroupId = `a b/c.ü ${uniqueName('odd')}`;
const percentGroupId = `x%41y-${uniqueName('percent')}`;
// A tight per-topic SLO so the odd group violates it (read by getConfig on first use; restored after).
const previousTopicThresholds = process.env.SLO_TOPIC_THRESHOLDS;
process.env.SLO_TOPIC_THRESHOLDS = `${topic}=5`;
let token = '';

const groupPath = (groupId: string, suffix = '', query = `?cluster_id=${clusterId}`) => `/api/v1/consumers/groups/${encodeURIComponent(groupId)}${suffix}${query}`;
const topicPath = (name: string, suffix: string, query = `?cluster_id=${clusterId}`) => `/api/v1/consumers/topics/${encodeURIComponent(name)}/${suffix}${query}`;

beforeAll(async () => {
  token = await createTestToken('viewer');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }, { name: idleTopic, partitions: 3 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 30, partition: 0 });
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 10, partition: 1 });
  // Odd group: lag 20 on partition 0, 0 on partition 1. Percent group: partition 0 only.
  await commitOffsetsWithoutMembers(testKafkaBrokers, oddGroupId, [{ topic, partition: 0, offset: 10 }, { topic, partition: 1, offset: 10 }]);
  await commitOffsetsWithoutMembers(testKafkaBrokers, percentGroupId, [{ topic, partition: 0, offset: 5 }]);
});

afterAll(async () => {
  if (previousTopicThresholds === undefined) delete process.env.SLO_TOPIC_THRESHOLDS;
  else process.env.SLO_TOPIC_THRESHOLDS = previousTopicThresholds;
  await closeKafkaConnections();
});

describe('GET /api/v1/consumers/groups', () => {
  // Without any credentials the wrapper asks next-auth for a session, which needs Next's request
  // scope; in-process, a token that verifies to nobody exercises the same 401 path.
  it('answers 401 to a token that is not valid', async () => {
    const response = await callRoute(listGroupsRoute, { path: '/api/v1/consumers/groups', params: {}, token: 'lgb_forged_token_0123456789' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('lists groups with lag statistics; cluster_id may be left out with one cluster', async () => {
    for (const query of [`?cluster_id=${clusterId}`, '']) {
      const response = await callRoute(listGroupsRoute, { path: `/api/v1/consumers/groups${query}`, params: {}, token });
      expect(response.status).toBe(200);
      const body = response.body as GroupListJson;
      expect(Object.keys(body).sort()).toEqual(['cluster_id', 'errors', 'group_count', 'groups', 'observed_at', 'sparkline_span_seconds', 'time_lag_taken_at']);
      expect(body.cluster_id).toBe(clusterId);
      expect(body.group_count).toBe(body.groups.length);
      expect(body.groups.find((group) => group.group_id === oddGroupId)).toEqual({
        group_id: oddGroupId, type: 'classic', state: 'Empty', partition_assignor: null, member_count: 0, topics: [topic],
        lag_p50: 0, lag_p95: 20, lag_max: 20, total_lag: 20, partition_count: 2, never_committed_count: 0, data_loss_count: 0,
        // The file's per-topic SLO threshold 5: lag 20 misses it, lag 0 meets it -> 0.5, as in the health API. No members: no Gini.
        slo_compliance: 0.5, slo_met: false, fairness_gini: null, fairness_ok: true, teams: [],
        // No collector snapshot holds this group: lag in seconds and status are unknown, not 0 or OK.
        lag_seconds_max: null, status: null, lag_sparkline: [],
      });
    }
  });
});

describe('GET /api/v1/consumers/groups/{group_id}', () => {
  it('details a group whose id holds spaces, a slash, a dot and unicode', async () => {
    const response = await callRoute(groupDetailRoute, { path: groupPath(oddGroupId), params: { group_id: oddGroupId }, token });
    expect(response.status).toBe(200);
    const body = response.body as GroupDetailJson;
    expect(Object.keys(body).sort()).toEqual([
      'assignment_epoch', 'cluster_id', 'coordinator_id', 'data_loss_count', 'errors', 'generation_or_epoch', 'group_id', 'lag_metrics', 'lag_seconds_max',
      'member_count', 'members', 'never_committed_count', 'observed_at', 'partition_assignor', 'partitions', 'protocol_type', 'state', 'time_lag_taken_at', 'topics', 'type',
    ]);
    expect(body).toMatchObject({ group_id: oddGroupId, type: 'classic', state: 'Empty', members: [], lag_metrics: { total_lag: 20, lag_max: 20 } });
    expect(body.partitions).toEqual([
      { topic, partition: 0, committed_offset: 10, log_start_offset: 0, log_end_offset: 30, lag: 20, owner: null, flags: [], data_loss: null, lag_seconds: null },
      { topic, partition: 1, committed_offset: 10, log_start_offset: 0, log_end_offset: 10, lag: 0, owner: null, flags: [], data_loss: null, lag_seconds: null },
    ]);
  });

  it('does not decode a group id twice', async () => {
    const response = await callRoute(groupDetailRoute, { path: groupPath(percentGroupId), params: { group_id: percentGroupId }, token });
    expect(response.status).toBe(200);
    expect((response.body as GroupDetailJson).group_id).toBe(percentGroupId);
  });

  it('answers 404 for an unknown group or cluster and 400 for a malformed query', async () => {
    const unknownGroup = await callRoute(groupDetailRoute, { path: groupPath('no such group'), params: { group_id: 'no such group' }, token });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body).toEqual({ error: { code: 'not_found', message: `No consumer group "no such group" in cluster "${clusterId}"` } });
    const unknownCluster = await callRoute(groupDetailRoute, { path: groupPath(oddGroupId, '', '?cluster_id=nope'), params: { group_id: oddGroupId }, token });
    expect(unknownCluster.status).toBe(404);
    expect(unknownCluster.body).toMatchObject({ error: { code: 'not_found' } });
    for (const query of ['?cluster_id=', '?cluster_id=bad%20id', '?clusterId=test', `?cluster_id=${clusterId}&cluster_id=${clusterId}`]) {
      const malformed = await callRoute(groupDetailRoute, { path: groupPath(oddGroupId, '', query), params: { group_id: oddGroupId }, token });
      expect(malformed.status, query).toBe(400);
      expect(malformed.body, query).toMatchObject({ error: { code: 'invalid_request' } });
      expect(JSON.stringify(malformed.body)).not.toMatch(/\bat \w+ \(|node_modules|127\.0\.0\.1/);
    }
  });
});

describe('GET /api/v1/consumers/groups/{group_id}/health', () => {
  it('gives the ConsumerHealthSummary with lag metrics, Burrow status and stuck partitions', async () => {
    const response = await callRoute(groupHealthRoute, { path: groupPath(oddGroupId, '/health'), params: { group_id: oddGroupId }, token });
    expect(response.status).toBe(200);
    const body = response.body as GroupHealthJson & { scaling: GroupScalingJson };
    expect(Object.keys(body).sort()).toEqual([
      'burrow', 'cluster_id', 'errors', 'fairness_gini', 'group_id', 'health', 'lag_metrics', 'observed_at', 'rebalance_count', 'rebalance_score',
      'recommendation', 'scaling', 'slo_compliance', 'state', 'status', 'stuck_count', 'stuck_partitions', 'thresholds', 'window',
    ]);
    // Per-topic threshold 5: lag 20 misses it, lag 0 meets it -> 0.5. No members: no Gini.
    expect(body).toMatchObject({ group_id: oddGroupId, state: 'Empty', slo_compliance: 0.5, fairness_gini: null, stuck_count: 0, health: 'critical' });
    expect(body.recommendation).toContain('restart the stopped consumers');
    // KEDA-style sizing: lag 20 at 1,000 per member -> 1 member for a group that has none.
    expect(body.scaling).toMatchObject({ total_lag: 20, current_members: 0, partition_count: 2, recommended_members: 1, lag_threshold_per_member: 1000, stuck_partitions: [] });
    expect(body.thresholds.slo_topic_thresholds).toEqual({ [topic]: 5 });
    expect(Object.keys(body.burrow).sort()).toEqual(['complete', 'maxlag', 'partition_count', 'partitions', 'status', 'total_lag']);
    expect(body.burrow.partitions.map((partition) => partition.partition)).toEqual([0, 1]);
    expect(body.window.point_count).toBeGreaterThanOrEqual(1);
    expect(body.stuck_partitions).toEqual([]);
  });

  it('answers 404 for an unknown group', async () => {
    const response = await callRoute(groupHealthRoute, { path: groupPath('missing/group', '/health'), params: { group_id: 'missing/group' }, token });
    expect(response.status).toBe(404);
  });
});

describe('GET /api/v1/consumers/topics/{topic_name}/consumers', () => {
  it('lists the groups consuming the topic with their lag on it', async () => {
    const response = await callRoute(topicConsumersRoute, { path: topicPath(topic, 'consumers'), params: { topic_name: topic }, token });
    expect(response.status).toBe(200);
    const body = response.body as TopicConsumersJson;
    expect(Object.keys(body).sort()).toEqual(['cluster_id', 'consumer_count', 'consumers', 'errors', 'observed_at', 'partition_count', 'topic']);
    expect(body.consumers.map((consumer) => consumer.group_id).sort()).toEqual([oddGroupId, percentGroupId].sort());
    expect(body.consumers.find((consumer) => consumer.group_id === percentGroupId)).toEqual({
      group_id: percentGroupId, type: 'classic', state: 'Empty', member_count: 0, consumed_partitions: 1,
      topic_lag: { lag_p50: 25, lag_p95: 25, lag_max: 25, total_lag: 25, partition_count: 1 }, never_committed_count: 1, data_loss_count: 0,
    });
  });

  it('answers 404 for an unknown topic and 400 for a name Kafka cannot have', async () => {
    const unknown = await callRoute(topicConsumersRoute, { path: topicPath('no-such-topic', 'consumers'), params: { topic_name: 'no-such-topic' }, token });
    expect(unknown.status).toBe(404);
    const illegal = await callRoute(topicConsumersRoute, { path: topicPath('bad topic', 'consumers'), params: { topic_name: 'bad topic' }, token });
    expect(illegal.status).toBe(400);
    expect(illegal.body).toMatchObject({ error: { code: 'invalid_request', details: [{ parameter: 'topic_name' }] } });
  });
});

describe('GET /api/v1/consumers/topics/{topic_name}/detail', () => {
  it('gives topic info, coverage, consumer health, governance alerts and an insight summary', async () => {
    const response = await callRoute(topicDetailRoute, { path: topicPath(topic, 'detail'), params: { topic_name: topic }, token });
    expect(response.status).toBe(200);
    const body = response.body as TopicDetailJson;
    expect(Object.keys(body).sort()).toEqual(['cluster_id', 'consumer_health', 'coverage', 'errors', 'governance_alerts', 'insight_summary', 'observed_at', 'topic']);
    expect(body.topic).toMatchObject({ name: topic, partition_count: 2, replication_factor: 1, cleanup_policy: 'delete' });
    expect(typeof body.topic.retention_ms).toBe('number');
    expect(body.topic.partitions.map((partition) => [partition.partition, partition.log_end_offset])).toEqual([[0, 30], [1, 10]]);
    expect(body.coverage).toEqual({ consumed_partitions: 2, total_partitions: 2, ratio: 1 });
    expect(body.consumer_health.map((entry) => entry.group_id).sort()).toEqual([oddGroupId, percentGroupId].sort());
    const oddAlerts = body.governance_alerts.filter((alert) => alert.group_id === oddGroupId);
    expect(oddAlerts).toEqual([{ type: 'slo_violation', severity: 'critical', group_id: oddGroupId, message: expect.stringContaining('50%') }]);
    expect(body.insight_summary).toMatchObject({ group_count: 2, critical_groups: 2, overall_status: 'critical', total_lag: 45 });
    expect(body.insight_summary.summary).toContain(`Topic ${topic}: 2 consumer groups`);
  });

  it('calls a topic nobody consumes unconsumed', async () => {
    const response = await callRoute(topicDetailRoute, { path: topicPath(idleTopic, 'detail'), params: { topic_name: idleTopic }, token });
    expect(response.status).toBe(200);
    const body = response.body as TopicDetailJson;
    expect(body.coverage).toEqual({ consumed_partitions: 0, total_partitions: 3, ratio: 0 });
    expect(body.consumer_health).toEqual([]);
    expect(body.insight_summary.overall_status).toBe('unconsumed');
  });
});
