import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listGroupsRoute } from '@/app/api/v1/consumers/groups/route';
import { GET as groupDetailRoute } from '@/app/api/v1/consumers/groups/[group_id]/route';
import { closeKafkaConnections } from '@/lib/kafka';
import { callRoute, createTestToken } from '../support/api-client';
import { testKafkaClusters } from '../support/test-env';

// With two clusters configured, cluster_id is required; a cluster that cannot be reached at all
// answers 503 with a safe message (no address), not an empty list or a 404 per group.
// Set before getConfig is first read; restored afterwards.
const previousClusters = process.env.KAFKA_CLUSTERS;
const previousTimeout = process.env.KAFKA_REQUEST_TIMEOUT_MS;
// Port 9 (discard) is closed on the test machine: connections are refused at once.
process.env.KAFKA_CLUSTERS = `${testKafkaClusters};down=127.0.0.1:9`;
process.env.KAFKA_REQUEST_TIMEOUT_MS = '2000';
let token = '';

beforeAll(async () => {
  token = await createTestToken('viewer');
});

afterAll(async () => {
  process.env.KAFKA_CLUSTERS = previousClusters;
  if (previousTimeout === undefined) delete process.env.KAFKA_REQUEST_TIMEOUT_MS;
  else process.env.KAFKA_REQUEST_TIMEOUT_MS = previousTimeout;
  await closeKafkaConnections();
});

describe('consumers API with several clusters', () => {
  it('requires cluster_id and names the configured clusters', async () => {
    const response = await callRoute(listGroupsRoute, { path: '/api/v1/consumers/groups', params: {}, token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'invalid_request', message: 'cluster_id is required when several clusters are configured (test, down)' } });
  });

  it('reads the cluster it is asked for', async () => {
    const response = await callRoute(listGroupsRoute, { path: '/api/v1/consumers/groups?cluster_id=test', params: {}, token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cluster_id: 'test' });
  });

  it('answers 503 for a cluster that cannot be reached, without its address', { timeout: 30_000 }, async () => {
    for (const call of [
      () => callRoute(listGroupsRoute, { path: '/api/v1/consumers/groups?cluster_id=down', params: {}, token }),
      () => callRoute(groupDetailRoute, { path: '/api/v1/consumers/groups/any?cluster_id=down', params: { group_id: 'any' }, token }),
    ]) {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ error: { code: 'source_unavailable', message: expect.stringContaining('Kafka cluster "down" could not be observed') } });
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');
      expect(JSON.stringify(response.body)).not.toContain(':9');
    }
  });
});
