import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import { closeDb, getDb } from '@/lib/db';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { writeRedisServerSample } from '@/lib/history/redis-server/write-sample';
import { createGroup, createStreamWithEntries, readWithoutAck } from '@/lib/redis/workload';
import { buildOpenApiDocument, describedResponses, findOperation } from '@/lib/openapi/document';
import { callRoute, createTestToken } from '../support/api-client';
import { testKafkaBrokers, testRedisUrl, uniqueName } from '../support/test-env';

// The published description against the code: every route file under app/api has its path and
// methods in it (and nothing else is described), and real answers of the real handlers — real
// Kafka, Redis and PostgreSQL behind them — validate with the same zod schemas the description
// is generated from.

const stream = `${uniqueName('openapi')}:chat`;
process.env.EVENT_STREAMS = stream;
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'readers';
const topic = uniqueName('openapi-orders');
const groupId = uniqueName('openapi-group');
const apiRoot = path.join(process.cwd(), 'app', 'api');
const document = buildOpenApiDocument();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/teams/[team_id]/route.ts → /api/v1/teams/{team_id}; [...nextauth] → {nextauth}. */
function openApiPathOf(file: string): string {
  const folder = path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep);
  return `/${folder.map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, '{$1}')).join('/')}`;
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const direct = [...text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!);
  const aliased = [...text.matchAll(/export \{([^}]*)\}/g)].flatMap((match) => [...match[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((alias) => alias[1]!));
  return [...direct, ...aliased].map((method) => method.toLowerCase());
}

let token = '';
let adminToken = '';
let operatorToken = '';
let redis: Redis;

/** Calls the route file's handler and validates the answer with the description's schema for that status. */
async function callAndValidate(method: string, requestPath: string, options: { params?: Record<string, string>; body?: unknown; token?: string; expectedStatus?: number } = {}) {
  const pathname = requestPath.split('?')[0]!;
  const operation = findOperation(method, pathname);
  expect(operation, `${method} ${pathname} is described`).toBeDefined();
  const file = path.join(process.cwd(), 'app', ...operation!.path.split('/').filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, '[$1]')), 'route.ts');
  const routeModule = (await import(/* @vite-ignore */ file)) as RouteModule;
  const handler = routeModule[method.toUpperCase() as keyof RouteModule];
  expect(handler, `${file} exports ${method.toUpperCase()}`).toBeDefined();
  const response = await callRoute(handler!, { path: requestPath, params: options.params ?? {}, token: options.token ?? token, method: method.toUpperCase(), body: options.body });
  expect(response.status, `${method} ${requestPath}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(options.expectedStatus ?? 200);
  const described = describedResponses(operation!)[response.status];
  expect(described, `${method} ${pathname} describes status ${response.status}`).toBeDefined();
  const schema = described!.schema as z.ZodType | undefined;
  if (described!.contentType === 'text/plain') {
    expect(typeof response.body).toBe('string');
  } else {
    expect(schema, `${method} ${pathname} ${response.status} has a schema`).toBeDefined();
    const result = schema!.safeParse(response.body);
    expect(result.success, `${method} ${requestPath}: ${result.error?.message ?? ''}`).toBe(true);
  }
  return response.body as Record<string, unknown>;
}

beforeAll(async () => {
  token = await createTestToken('viewer');
  adminToken = await createTestToken('admin');
  operatorToken = await createTestToken('operator');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 20, partition: 0 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupId, [{ topic, partition: 0, offset: 5 }, { topic, partition: 1, offset: 0 }]);
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await createStreamWithEntries(redis, stream, 6);
  await createGroup(redis, stream, 'readers', '0');
  await readWithoutAck(redis, stream, 'readers', 'worker-1', 2);
  const prisma = await getDb();
  const now = Date.now();
  for (const offsetMs of [120_000, 60_000]) {
    await writeSnapshot(prisma, snapshotAt(now - offsetMs, {
      groups: [groupPoint('test', groupId, [partitionPoint(topic, 0, 5, 20, 15), partitionPoint(topic, 1, 0, 0, 0)], { state: 'Empty', memberCount: 0 })],
      streamGroups: [streamGroupPoint(stream, 'readers', { lag: 4, pending: 2, length: 6 })],
      events: [],
    }));
    await writeRedisServerSample(prisma, now - offsetMs, { version: '7.0.0', usedMemoryBytes: 2_000_000, maxMemoryBytes: 0, connectedClients: 4, opsPerSecond: 12 });
  }
}, 120_000);

afterAll(async () => {
  await redis?.del(stream);
  redis?.disconnect();
  await closeKafkaConnections();
  await closeDb();
});

describe('the OpenAPI description', () => {
  it('is OpenAPI 3.1 with operations grouped by area', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.tags.map((tag) => tag.name)).toEqual(['Kafka consumer groups', 'Redis Streams', 'History', 'Alerts', 'Alert channels', 'Operator actions and audit', 'Settings', 'System']);
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods) as Array<{ tags: string[]; responses: Record<string, unknown>; operationId: string }>) {
        expect(operation.tags).toHaveLength(1);
        expect(Object.keys(operation.responses).some((status) => status.startsWith('2'))).toBe(true);
      }
    }
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => (operation as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has every route file under app/api with each exported method, and no path without a route file', () => {
    const files = routeFiles(apiRoot);
    expect(files.length).toBeGreaterThan(25);
    const expected = files.flatMap((file) => exportedMethods(file).map((method) => `${method.toUpperCase()} ${openApiPathOf(file)}`)).sort();
    const described = Object.entries(document.paths).flatMap(([describedPath, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${describedPath}`)).sort();
    expect(described).toEqual(expected);
  });

  it('documents a query parameter with its rule, as the route parses it', () => {
    const groups = document.paths['/api/v1/consumers/groups']!.get as { parameters: Array<{ name: string; in: string; required: boolean; schema: { pattern?: string } }> };
    expect(groups.parameters).toEqual([expect.objectContaining({ name: 'cluster_id', in: 'query', required: false, schema: expect.objectContaining({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }) })]);
  });
});

describe('real answers validate against the description', () => {
  const encodedGroup = () => encodeURIComponent(groupId);
  const encodedStream = () => encodeURIComponent(stream);

  it('Kafka routes', async () => {
    await callAndValidate('get', '/api/v1/clusters');
    const list = await callAndValidate('get', '/api/v1/consumers/groups?cluster_id=test');
    expect((list.groups as Array<{ group_id: string; total_lag: number }>).find((group) => group.group_id === groupId)?.total_lag).toBe(15);
    await callAndValidate('get', `/api/v1/consumers/groups/${encodedGroup()}?cluster_id=test`, { params: { group_id: groupId } });
    await callAndValidate('get', `/api/v1/consumers/groups/${encodedGroup()}/health?cluster_id=test`, { params: { group_id: groupId } });
    await callAndValidate('get', `/api/v1/consumers/topics/${topic}/consumers?cluster_id=test`, { params: { topic_name: topic } });
    await callAndValidate('get', `/api/v1/consumers/topics/${topic}/detail?cluster_id=test`, { params: { topic_name: topic } });
  });

  it('errors validate as the Error schema', async () => {
    const missing = await callAndValidate('get', '/api/v1/consumers/groups/no-such-group-for-openapi?cluster_id=test', { params: { group_id: 'no-such-group-for-openapi' }, expectedStatus: 404 });
    expect(missing).toMatchObject({ error: { code: 'not_found' } });
    await callAndValidate('get', '/api/v1/consumers/groups?cluster_id=bad%20id', { expectedStatus: 400 });
    await callAndValidate('get', '/api/v1/clusters', { token: 'lgb_forged_token_0123456789', expectedStatus: 401 });
    await callAndValidate('post', '/api/v1/teams', { token, body: { name: 'x' }, expectedStatus: 403 });
  });

  it('Redis Streams routes', async () => {
    const lag = await callAndValidate('get', '/api/v1/events/consumer-lag');
    expect((lag.streams as Record<string, { lag: number }>)[stream]?.lag).toBe(4);
    await callAndValidate('get', '/api/v1/events/health');
    const list = await callAndValidate('get', '/api/v1/events/streams');
    const listed = (list.streams as Array<{ name: string; consumer_groups: Array<{ pending: number; health: string }> }>).find((candidate) => candidate.name === stream);
    expect(listed?.consumer_groups[0]?.pending).toBe(2);
    await callAndValidate('get', `/api/v1/events/streams/${encodedStream()}`, { params: { stream: encodedStream() } });
    await callAndValidate('get', `/api/v1/events/streams/${encodedStream()}/groups/readers`, { params: { stream: encodedStream(), group: 'readers' } });
  });

  it('history routes', async () => {
    const trend = await callAndValidate('get', `/api/v1/history/groups/${encodedGroup()}?cluster_id=test&step=30s&from=${Date.now() - 600_000}`, { params: { group_id: groupId } });
    expect((trend.points as unknown[]).length).toBeGreaterThan(0);
    await callAndValidate('get', `/api/v1/history/groups/${encodedGroup()}/partitions?cluster_id=test&topic=${topic}&partition=0`, { params: { group_id: groupId } });
    await callAndValidate('get', `/api/v1/history/topics/${topic}?cluster_id=test`, { params: { topic_name: topic } });
    await callAndValidate('get', `/api/v1/history/streams/${encodedStream()}/groups/readers`);
    await callAndValidate('get', '/api/v1/history/status');
    const server = await callAndValidate('get', `/api/v1/history/redis/server?from=${Date.now() - 600_000}`);
    expect((server.points as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('alerts and alert rules routes', async () => {
    const alerts = await callAndValidate('get', '/api/v1/alerts?state=all&limit=50');
    expect(alerts.alert_count).toBe((alerts.alerts as unknown[]).length);
    await callAndValidate('get', '/api/v1/alerts?severity=loud', { expectedStatus: 400 });
    await callAndValidate('get', '/api/v1/alerts/no-such-alert', { params: { alert_id: 'no-such-alert' }, expectedStatus: 404 });
    const rules = await callAndValidate('get', '/api/v1/alert-rules');
    const ruleIds = (rules.rules as Array<{ rule_id: string }>).map((rule) => rule.rule_id);
    expect(ruleIds.length).toBeGreaterThan(0);
    await callAndValidate('get', `/api/v1/alert-rules/${ruleIds[0]!}`, { params: { rule_id: ruleIds[0]! } });
  });

  it('alert channels routes', async () => {
    const channel = await callAndValidate('post', '/api/v1/alert-channels', {
      token: adminToken, expectedStatus: 201,
      body: { name: uniqueName('openapi-channel'), kind: 'webhook', url: 'http://127.0.0.1:9/lagboard', secret: 'openapi-signing-secret-0123456789', enabled: false },
    });
    const channelId = String(channel.id);
    const list = await callAndValidate('get', '/api/v1/alert-channels', { token: adminToken });
    expect((list.channels as Array<{ id: string; url_masked: string }>).find((candidate) => candidate.id === channelId)?.url_masked).not.toContain('/lagboard');
    await callAndValidate('get', '/api/v1/alert-channels', { expectedStatus: 403 });
    await callAndValidate('get', `/api/v1/alert-channels/${channelId}`, { token: adminToken, params: { channel_id: channelId } });
    await callAndValidate('patch', `/api/v1/alert-channels/${channelId}`, { token: adminToken, params: { channel_id: channelId }, body: { min_severity: 'critical' } });
    await callAndValidate('get', `/api/v1/alert-channels/${channelId}/deliveries?limit=10`, { token: adminToken, params: { channel_id: channelId } });
    await callAndValidate('delete', `/api/v1/alert-channels/${channelId}`, { token: adminToken, params: { channel_id: channelId } });
  });

  it('operator actions (dry runs) and the audit log', async () => {
    const reset = await callAndValidate('post', `/api/v1/consumers/groups/${encodedGroup()}/offsets/reset?cluster_id=test`, {
      token: operatorToken, params: { group_id: groupId }, body: { topic, partitions: [0], to: { earliest: true }, dry_run: true },
    });
    expect(reset).toMatchObject({ executed: false, total_lag_before: 15, total_lag_after: 20 });
    const setId = await callAndValidate('post', `/api/v1/events/streams/${encodedStream()}/groups/readers/last-delivered-id`, {
      token: operatorToken, params: { stream: encodedStream(), group: 'readers' }, body: { id: '$', dry_run: true },
    });
    expect(setId).toMatchObject({ executed: false, lag_after: 0 });
    const claim = await callAndValidate('post', `/api/v1/events/streams/${encodedStream()}/groups/readers/consumers/worker-1/claim`, {
      token: operatorToken, params: { stream: encodedStream(), group: 'readers', consumer: 'worker-1' }, body: { to_consumer: 'worker-2', min_idle_ms: 0, dry_run: true },
    });
    expect(claim).toMatchObject({ executed: false, matching_count: 2, affected_count: 0 });
    await callAndValidate('post', `/api/v1/events/streams/${encodedStream()}/groups/readers/consumers/worker-1/acknowledge`, {
      token: operatorToken, params: { stream: encodedStream(), group: 'readers', consumer: 'worker-1' }, body: { dry_run: true },
    });
    const audit = await callAndValidate('get', '/api/v1/audit?limit=20', { token: operatorToken });
    expect(audit.limit).toBe(20);
    await callAndValidate('get', '/api/v1/audit', { expectedStatus: 403 });
    await callAndValidate('get', '/api/v1/audit?outcome=maybe', { token: operatorToken, expectedStatus: 400 });
  });

  it('settings routes: tokens, preferences, teams, share links', async () => {
    const { user } = await upsertUser({ username: uniqueName('openapi-tokens'), password: 'integration-password', role: 'viewer' });
    const own = await createApiToken(user.id, 'openapi');
    const spare = await createApiToken(user.id, 'openapi spare');
    const tokens = await callAndValidate('get', '/api/v1/tokens', { token: own.token });
    expect((tokens.tokens as Array<{ id: string }>).map((listed) => listed.id).sort()).toEqual([own.record.id, spare.record.id].sort());
    // Only a signed-in browser mints tokens: with a token the answer is the described 403.
    await callAndValidate('post', '/api/v1/tokens', { token: own.token, body: { name: 'openapi check' }, expectedStatus: 403 });
    await callAndValidate('delete', `/api/v1/tokens/${spare.record.id}`, { token: own.token, params: { token_id: spare.record.id } });
    await callAndValidate('get', '/api/v1/me/preferences');
    await callAndValidate('put', '/api/v1/me/preferences', { body: { refresh_interval_seconds: 30 } });

    const team = await callAndValidate('post', '/api/v1/teams', { token: adminToken, body: { name: uniqueName('openapi-team'), patterns: [{ kind: 'kafka_group', pattern: `${groupId}*` }] }, expectedStatus: 201 });
    const teamId = String(team.id);
    await callAndValidate('get', '/api/v1/teams', { token: adminToken });
    await callAndValidate('get', `/api/v1/teams/${teamId}`, { token: adminToken, params: { team_id: teamId } });
    await callAndValidate('patch', `/api/v1/teams/${teamId}`, { token: adminToken, params: { team_id: teamId }, body: { thresholds: { slo_threshold_p95_lag: 300 } } });
    const exported = await callAndValidate('get', '/api/v1/teams/export', { token: adminToken });
    await callAndValidate('post', '/api/v1/teams/import?dry_run=true', { token: adminToken, body: exported });
    await callAndValidate('delete', `/api/v1/teams/${teamId}`, { token: adminToken, params: { team_id: teamId } });

    const link = await callAndValidate('post', '/api/v1/share-links', { token: adminToken, body: { kind: 'kafka_group', cluster_id: 'test', name: groupId, range: '1h', series: ['total_lag'] }, expectedStatus: 201 });
    await callAndValidate('get', '/api/v1/share-links', { token: adminToken });
    await callAndValidate('delete', `/api/v1/share-links/${String(link.id)}`, { token: adminToken, params: { share_link_id: String(link.id) } });
  });

  it('system routes: health, metrics and the description itself', async () => {
    await callAndValidate('get', '/api/health');
    const metrics = await callAndValidate('get', '/api/metrics') as unknown as string;
    expect(metrics).toContain(`event_consumer_lag{stream="${stream}",consumer_group="readers"} 4`);
    const published = await callAndValidate('get', '/api/openapi.json');
    expect(published).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
