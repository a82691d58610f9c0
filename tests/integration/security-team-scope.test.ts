import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { callRoute } from '../support/api-client';
import { cli } from '../support/redis-cli';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// Every route that serves one team-owned resource answers 404 to a viewer of another team and
// 200 to the owning team, through the real wrapper, on a real broker, Redis and database; the
// list-shaped /api/metrics leaves other teams' groups out. Operator actions answer the other
// team 404 before anything happens: previews (dry runs) answer the owning team's operator 200,
// deletions answer the owning team's viewer 403 (past the scope, stopped at the role), so no
// case changes a group, an offset or a consumer. The route table is checked against the files
// and exported methods under app/api, so a new resource route without a case fails this test.

const prefix = uniqueName('scope');
const groupB = `${prefix}-b-group`;
const topicB = `${prefix}-b-topic`;
const streamB = `${prefix}:b:chat`;
const streamGroup = 'workers';
process.env.EVENT_STREAMS = streamB;
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = streamGroup;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = 'GET' | 'POST' | 'DELETE';
interface RouteCase {
  file: string;
  path: string;
  params: Record<string, string>;
  live?: boolean;
  method?: Method;
  body?: unknown;
  /** `preview`: a dry run the owners' operator and admins may run; `destructive`: only the owners' viewer is tried (403). */
  action?: 'preview' | 'destructive';
}

const enc = encodeURIComponent;
const streamConsumer = 'worker-1';
const streamGroupPath = `/api/v1/events/streams/${enc(streamB)}/groups/${streamGroup}`;
const routeCases: RouteCase[] = [
  { file: 'v1/consumers/groups/[group_id]/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}?cluster_id=test`, params: { group_id: groupB } },
  { file: 'v1/consumers/groups/[group_id]/health/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}/health?cluster_id=test`, params: { group_id: groupB } },
  { file: 'v1/consumers/groups/[group_id]/live/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}/live?cluster_id=test&interval=2`, params: { group_id: groupB }, live: true },
  { file: 'v1/consumers/topics/[topic_name]/consumers/route.ts', path: `/api/v1/consumers/topics/${topicB}/consumers?cluster_id=test`, params: { topic_name: topicB } },
  { file: 'v1/consumers/topics/[topic_name]/detail/route.ts', path: `/api/v1/consumers/topics/${topicB}/detail?cluster_id=test`, params: { topic_name: topicB } },
  { file: 'v1/history/groups/[group_id]/route.ts', path: `/api/v1/history/groups/${enc(groupB)}?cluster_id=test`, params: { group_id: groupB } },
  { file: 'v1/history/groups/[group_id]/partitions/route.ts', path: `/api/v1/history/groups/${enc(groupB)}/partitions?cluster_id=test&topic=${topicB}&partition=0`, params: { group_id: groupB } },
  { file: 'v1/history/topics/[topic_name]/route.ts', path: `/api/v1/history/topics/${topicB}?cluster_id=test`, params: { topic_name: topicB } },
  { file: 'v1/events/streams/[stream]/route.ts', path: `/api/v1/events/streams/${enc(streamB)}`, params: { stream: streamB } },
  { file: 'v1/events/streams/[stream]/groups/[group]/route.ts', path: `/api/v1/events/streams/${enc(streamB)}/groups/${streamGroup}`, params: { stream: streamB, group: streamGroup } },
  { file: 'v1/events/streams/[stream]/live/route.ts', path: `/api/v1/events/streams/${enc(streamB)}/live?interval=2`, params: { stream: streamB }, live: true },
  { file: 'v1/history/streams/[stream]/groups/[group]/route.ts', path: `/api/v1/history/streams/${enc(streamB)}/groups/${streamGroup}`, params: { stream: streamB, group: streamGroup } },
  {
    file: 'v1/consumers/groups/[group_id]/offsets/reset/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}/offsets/reset?cluster_id=test`, params: { group_id: groupB },
    method: 'POST', body: { topic: topicB, to: { earliest: true }, dry_run: true }, action: 'preview',
  },
  {
    file: 'v1/consumers/groups/[group_id]/offsets/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}/offsets?cluster_id=test&topic=${topicB}`, params: { group_id: groupB },
    method: 'DELETE', action: 'destructive',
  },
  { file: 'v1/consumers/groups/[group_id]/route.ts', path: `/api/v1/consumers/groups/${enc(groupB)}?cluster_id=test`, params: { group_id: groupB }, method: 'DELETE', action: 'destructive' },
  {
    file: 'v1/events/streams/[stream]/groups/[group]/last-delivered-id/route.ts', path: `${streamGroupPath}/last-delivered-id`, params: { stream: streamB, group: streamGroup },
    method: 'POST', body: { id: '0', dry_run: true }, action: 'preview',
  },
  {
    file: 'v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/claim/route.ts', path: `${streamGroupPath}/consumers/${streamConsumer}/claim`,
    params: { stream: streamB, group: streamGroup, consumer: streamConsumer }, method: 'POST', body: { to_consumer: 'spare', min_idle_ms: 0, dry_run: true }, action: 'preview',
  },
  {
    file: 'v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/acknowledge/route.ts', path: `${streamGroupPath}/consumers/${streamConsumer}/acknowledge`,
    params: { stream: streamB, group: streamGroup, consumer: streamConsumer }, method: 'POST', body: { dry_run: true }, action: 'preview',
  },
  {
    file: 'v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/route.ts', path: `${streamGroupPath}/consumers/${streamConsumer}`,
    params: { stream: streamB, group: streamGroup, consumer: streamConsumer }, method: 'DELETE', action: 'destructive',
  },
];

const apiRoot = path.resolve(__dirname, '..', '..', 'app', 'api');
function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(entryPath);
    return entry.name === 'route.ts' ? [entryPath] : [];
  });
}

async function loadHandler(file: string, method: Method = 'GET'): Promise<Handler> {
  const routeModule = (await import(/* @vite-ignore */ path.join(apiRoot, file))) as Partial<Record<Method, Handler>>;
  const handler = routeModule[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

function exportedMethods(source: string): string[] {
  return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = withAuth\(/g)].map((match) => match[1]!);
}

async function principalToken(role: Role, label: string): Promise<{ username: string; token: string }> {
  const { user } = await upsertUser({ username: uniqueName(`scope-${label}`), password: 'integration-password', role });
  return { username: user.username, token: (await createApiToken(user.id, 'integration')).token };
}

async function statusFor(routeCase: RouteCase, token: string): Promise<{ status: number; body: unknown }> {
  const handler = await loadHandler(routeCase.file, routeCase.method);
  if (routeCase.live) {
    const abort = new AbortController();
    const request = new Request(`http://lagboard.test${routeCase.path}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    const response = await handler(request, { params: Promise.resolve(routeCase.params) });
    // A refusal is one JSON body; an open stream is left as soon as its status is known.
    const body: unknown = response.status === 200 ? response.headers.get('content-type') : await response.json();
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, body };
  }
  const response = await callRoute(handler, { path: routeCase.path, params: routeCase.params, token, method: routeCase.method ?? 'GET', body: routeCase.body });
  return { status: response.status, body: response.body };
}

let admin: { username: string; token: string };
let viewerA: { username: string; token: string };
let viewerB: { username: string; token: string };
let operatorB: { username: string; token: string };

beforeAll(async () => {
  [admin, viewerA, viewerB, operatorB] = await Promise.all([
    principalToken('admin', 'admin'), principalToken('viewer', 'a'), principalToken('viewer', 'b'), principalToken('operator', 'b-operator'),
  ]);
  const teamsRoute = (await import('@/app/api/v1/teams/route')) as { POST: Handler };
  for (const [team, members] of [['a', [viewerA]], ['b', [viewerB, operatorB]]] as const) {
    const created = await callRoute(teamsRoute.POST, {
      path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST',
      body: {
        name: uniqueName(`scope-team-${team}`), members: members.map((member) => member.username),
        patterns: [
          { kind: 'kafka_group', pattern: `${prefix}-${team}-*` },
          { kind: 'kafka_topic', pattern: `${prefix}-${team}-*` },
          { kind: 'redis_stream', pattern: `${prefix}:${team}:*` },
        ],
      },
    });
    expect(created.status).toBe(201);
  }
  await ensureTopics(testKafkaBrokers, [{ name: topicB, partitions: 1 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic: topicB, count: 10, partition: 0 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupB, [{ topic: topicB, partition: 0, offset: 4 }]);
  await cli('XADD', streamB, '*', 'kind', 'chat');
  await cli('XGROUP', 'CREATE', streamB, streamGroup, '0');
  await cli('XGROUP', 'CREATECONSUMER', streamB, streamGroup, streamConsumer);
  const prisma = await getDb();
  const now = Date.now();
  for (const takenAtMs of [now - 120_000, now - 60_000]) {
    await writeSnapshot(prisma, snapshotAt(takenAtMs, {
      groups: [groupPoint('test', groupB, [partitionPoint(topicB, 0, 4, 10)])],
      streamGroups: [streamGroupPoint(streamB, streamGroup, { lag: 1, pending: 0, length: 1 })],
    }));
  }
}, 120_000);

afterAll(async () => {
  await cli('DEL', streamB);
  await closeKafkaConnections();
});

describe('team scope in the one auth wrapper', () => {
  it('has a case for every method of every route that declares a team-owned resource', () => {
    const declared = routeFiles(apiRoot)
      .filter((file) => /resource: '(kafka_group|kafka_topic|redis_stream)'/.test(readFileSync(file, 'utf8')))
      .flatMap((file) => exportedMethods(readFileSync(file, 'utf8')).map((method) => `${method} ${path.relative(apiRoot, file)}`))
      .sort();
    expect(declared.length).toBeGreaterThanOrEqual(19);
    expect(routeCases.map((routeCase) => `${routeCase.method ?? 'GET'} ${routeCase.file}`).sort()).toEqual(declared);
  });

  it('declares a resource kind in every route handler under app/api', () => {
    for (const file of routeFiles(apiRoot)) {
      const source = readFileSync(file, 'utf8');
      if (!source.includes('withAuth(')) continue;
      const handlers = source.match(/withAuth\(/g)?.length ?? 0;
      const declarations = source.match(/resource: '(none|list|kafka_group|kafka_topic|redis_stream)'/g)?.length ?? 0;
      expect(declarations, path.relative(apiRoot, file)).toBe(handlers);
    }
  });

  for (const routeCase of routeCases.filter((candidate) => candidate.action === undefined)) {
    it(`GET ${routeCase.file}: 404 to another team, 200 to the owners and admins`, async () => {
      const refused = await statusFor(routeCase, viewerA.token);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
      const owner = await statusFor(routeCase, viewerB.token);
      expect(owner.status, JSON.stringify(owner.body)).toBe(200);
      expect((await statusFor(routeCase, admin.token)).status).toBe(200);
    });
  }

  for (const routeCase of routeCases.filter((candidate) => candidate.action === 'preview')) {
    it(`${routeCase.method ?? 'GET'} ${routeCase.file} (dry run): 404 to another team, 200 to the owners' operator and admins`, async () => {
      const refused = await statusFor(routeCase, viewerA.token);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
      const owner = await statusFor(routeCase, operatorB.token);
      expect(owner.status, JSON.stringify(owner.body)).toBe(200);
      expect(owner.body).toMatchObject({ dry_run: true, executed: false });
      expect((await statusFor(routeCase, admin.token)).status).toBe(200);
    });
  }

  for (const routeCase of routeCases.filter((candidate) => candidate.action === 'destructive')) {
    it(`${routeCase.method ?? 'GET'} ${routeCase.file}: 404 to another team, the owners' viewer past the scope to the role check`, async () => {
      const refused = await statusFor(routeCase, viewerA.token);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
      const owner = await statusFor(routeCase, viewerB.token);
      expect(owner.status, JSON.stringify(owner.body)).toBe(403);
      expect(owner.body).toMatchObject({ error: { code: 'forbidden', message: 'Operator actions need the operator role' } });
    });
  }

  it('leaves the group, its offsets and the stream consumer in place', async () => {
    const groupRoute = await loadHandler('v1/consumers/groups/[group_id]/route.ts');
    const group = await callRoute(groupRoute, { path: `/api/v1/consumers/groups/${enc(groupB)}?cluster_id=test`, params: { group_id: groupB }, token: admin.token });
    expect(group.status).toBe(200);
    expect(JSON.stringify(group.body)).toContain(topicB);
    expect(JSON.stringify(await cli('XINFO', 'CONSUMERS', streamB, streamGroup))).toContain(`"${streamConsumer}"`);
  });

  it('leaves other teams\' groups and streams out of /api/metrics', async () => {
    const metrics = await loadHandler('metrics/route.ts');
    const scrape = async (token: string) => String((await callRoute(metrics, { path: '/api/metrics', params: {}, token })).body);
    const [asA, asB, asAdmin] = await Promise.all([scrape(viewerA.token), scrape(viewerB.token), scrape(admin.token)]);
    const groupSeries = `group="${groupB}"`;
    const streamSeries = `stream="${streamB}"`;
    expect(asB).toContain(groupSeries);
    expect(asB).toContain(streamSeries);
    expect(asAdmin).toContain(groupSeries);
    expect(asA).not.toContain(groupSeries);
    expect(asA).not.toContain(streamSeries);
    expect(asA).toContain('lagboard_source_up');
  });
});
