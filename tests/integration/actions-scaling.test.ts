import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { GET as groupHealthRoute } from '@/app/api/v1/consumers/groups/[group_id]/health/route';
import type { GroupScalingJson } from '@/lib/consumers/group-scaling';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { parseExposition, sampleValue } from '@/lib/metrics/exposition-parsing';
import { callRoute, createTestToken } from '../support/api-client';
import { describeWithKafkaTool } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// The scaling recommendation of a real group, in the health API and in /api/metrics, with the lag
// it is sized on taken from Kafka's own tool.

const topic = uniqueName('scaling-orders');
const laggingGroup = uniqueName('scaling-lagging');
const smallGroup = uniqueName('scaling-small');
let token = '';

beforeAll(async () => {
  token = await createTestToken('viewer');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 4 }]);
  for (const partition of [0, 1, 2, 3]) await produceMessages({ brokers: testKafkaBrokers, topic, count: 900, partition });
  // Lag 900 × 4 = 3,600 → ⌈3.6⌉ = 4 members; the small group lags 40 → 1 member.
  await commitOffsetsWithoutMembers(testKafkaBrokers, laggingGroup, [0, 1, 2, 3].map((partition) => ({ topic, partition, offset: 0 })));
  await commitOffsetsWithoutMembers(testKafkaBrokers, smallGroup, [0, 1, 2, 3].map((partition) => ({ topic, partition, offset: 890 })));
}, 120_000);

afterAll(async () => {
  await closeKafkaConnections();
});

async function toolLag(groupId: string): Promise<number> {
  return (await describeWithKafkaTool([groupId])).filter((row) => row.TOPIC === topic).reduce((total, row) => total + Number(row.LAG), 0);
}

describe('scaling recommendation', () => {
  it('sizes the group on its lag, KEDA-style, in the health API and /api/metrics', async () => {
    expect(await toolLag(laggingGroup)).toBe(3600);
    expect(await toolLag(smallGroup)).toBe(40);
    const health = await callRoute(groupHealthRoute, {
      path: `/api/v1/consumers/groups/${encodeURIComponent(laggingGroup)}/health?cluster_id=test`, params: { group_id: laggingGroup }, token,
    });
    expect(health.status).toBe(200);
    const scaling = (health.body as { scaling: GroupScalingJson }).scaling;
    expect(scaling).toMatchObject({ total_lag: 3600, scalable_lag: 3600, current_members: 0, partition_count: 4, recommended_members: 4, lag_threshold_per_member: 1000 });
    expect(scaling.reason).toBe('no members: lag 3600 at 1000 per member → 4 members');

    const metrics = await callRoute(metricsRoute, { path: '/api/metrics', params: {}, token });
    expect(metrics.status).toBe(200);
    const samples = parseExposition(String(metrics.body));
    expect(sampleValue(samples, 'lagboard_group_recommended_members', { cluster: 'test', group: laggingGroup })).toBe(4);
    expect(sampleValue(samples, 'lagboard_group_recommended_members', { cluster: 'test', group: smallGroup })).toBe(1);
  });
});
