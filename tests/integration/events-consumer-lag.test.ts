import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGroup, createStreamWithEntries, deleteEntries, readAndAck, readWithoutAck, setGroupId } from '@/lib/redis/workload';
import { callRoute, createTestToken } from '../support/api-client';
import { cli, cliEntriesAfter, type CliConsumer, type CliGroup, type CliStream } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// GET /api/v1/events/consumer-lag, /streams and /health over real streams in every state the
// issue names, each number compared with what redis-cli prints. The app reads EVENT_STREAMS
// once (getConfig), so the streams are set here before the routes are imported.

const prefix = uniqueName('lagboard-events-test');
const names = {
  behind: `${prefix}:behind`,
  gap: `${prefix}:xdel gap`,
  moved: `${prefix}:setid`,
  noGroup: `${prefix}:no-group`,
  pending: `${prefix}:pending/odd%name`,
  missing: `${prefix}:missing`,
  wrongType: `${prefix}:string`,
};
const streamNames = Object.values(names);
process.env.EVENT_STREAMS = streamNames.join(',');
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'workers';

type Route = Parameters<typeof callRoute<Record<string, never>>>[0];
let routes: { consumerLag: Route; streams: Route; health: Route };
let redis: Redis;
let token: string;

const get = (route: Route, path: string) => callRoute(route, { path, params: {}, token });

async function cliGroup(stream: string, group: string): Promise<CliGroup | undefined> {
  return ((await cli('XINFO', 'GROUPS', stream)) as CliGroup[]).find((candidate) => candidate.name === group);
}

/** The lag redis-cli shows, or when it shows nil the entries after the group's position. */
async function cliLag(stream: string, group: string): Promise<{ lag: number; estimated: boolean }> {
  const found = await cliGroup(stream, group);
  if (!found) throw new Error(`no group ${group} on ${stream}`);
  if (found.lag !== null && found.lag !== undefined) return { lag: found.lag, estimated: false };
  return { lag: await cliEntriesAfter(stream, found['last-delivered-id'], 10_000), estimated: true };
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await createStreamWithEntries(redis, names.behind, 12);
  await createGroup(redis, names.behind, 'workers', '0');
  await readAndAck(redis, names.behind, 'workers', 'worker-1', 4);

  const gapIds = await createStreamWithEntries(redis, names.gap, 10);
  await createGroup(redis, names.gap, 'workers', '0');
  await readAndAck(redis, names.gap, 'workers', 'worker-1', 3);
  await deleteEntries(redis, names.gap, [gapIds[6] as string]);

  const movedIds = await createStreamWithEntries(redis, names.moved, 10);
  await createGroup(redis, names.moved, 'workers', '0');
  await setGroupId(redis, names.moved, 'workers', movedIds[3] as string);

  await createStreamWithEntries(redis, names.noGroup, 5);
  await createGroup(redis, names.noGroup, 'others', '0');

  await createStreamWithEntries(redis, names.pending, 10);
  await createGroup(redis, names.pending, 'workers', '0');
  await readWithoutAck(redis, names.pending, 'workers', 'stalled', 3);
  await readAndAck(redis, names.pending, 'workers', 'active', 2);

  await redis.set(names.wrongType, 'not a stream');

  token = await createTestToken('viewer');
  routes = {
    consumerLag: (await import('@/app/api/v1/events/consumer-lag/route')).GET,
    streams: (await import('@/app/api/v1/events/streams/route')).GET,
    health: (await import('@/app/api/v1/events/health/route')).GET,
  };
});

afterAll(async () => {
  await redis.del(...streamNames);
  await redis.quit();
});

describe('GET /api/v1/events/consumer-lag', () => {
  it('gives the seed shape with the lag redis-cli shows, counted where Redis says nil', async () => {
    const { status, body } = await get(routes.consumerLag, '/api/v1/events/consumer-lag');
    expect(status).toBe(200);
    const result = body as { streams: Record<string, Record<string, unknown>>; total_lag: number; stream_count: number; consumer_group: string };
    expect(Object.keys(result.streams)).toEqual(streamNames);
    expect(result.consumer_group).toBe('workers');

    let expectedTotal = 0;
    for (const name of [names.behind, names.gap, names.moved, names.pending]) {
      const expected = await cliLag(name, 'workers');
      const consumers = ((await cli('XINFO', 'CONSUMERS', name, 'workers')) as CliConsumer[]).map((consumer) => consumer.name);
      expect(result.streams[name], name).toEqual({
        lag: expected.lag,
        consumers,
        pending: (await cliGroup(name, 'workers'))?.pending,
        lag_estimated: expected.estimated,
        lag_at_least: false,
        group_missing: false,
        stream_missing: false,
      });
      expectedTotal += expected.lag;
    }
    // The states the fixtures were built for, as redis-cli saw them.
    expect(result.streams[names.behind]).toMatchObject({ lag: 8, lag_estimated: false });
    expect(result.streams[names.gap]).toMatchObject({ lag: 6, lag_estimated: true });
    expect(result.streams[names.moved]).toMatchObject({ lag: 6, lag_estimated: true });
    expect(result.streams[names.pending]).toMatchObject({ lag: 5, pending: 3, consumers: ['active', 'stalled'] });

    expect(result.streams[names.noGroup]).toMatchObject({ lag: 0, consumers: [], group_missing: true, stream_missing: false });
    expect(result.streams[names.missing]).toMatchObject({ lag: 0, consumers: [], group_missing: true, stream_missing: true });
    expect(await cli('EXISTS', names.missing)).toBe(0);
    expect(result.streams[names.wrongType]).toEqual({ lag: -1, consumers: [], error: expect.stringMatching(/^WRONGTYPE/) });
    expect(result.total_lag).toBe(expectedTotal);
    expect(result.stream_count).toBe(6);
  });

  it('takes ?group= and rejects an empty or unprintable one', async () => {
    const others = await get(routes.consumerLag, '/api/v1/events/consumer-lag?group=others');
    expect(others.status).toBe(200);
    const streams = (others.body as { streams: Record<string, { lag: number; group_missing: boolean }> }).streams;
    expect(streams[names.noGroup]).toMatchObject({ lag: (await cliLag(names.noGroup, 'others')).lag, group_missing: false });
    expect(streams[names.behind]).toMatchObject({ lag: 0, group_missing: true });

    for (const query of ['group=', 'group=%01bad']) {
      const rejected = await get(routes.consumerLag, `/api/v1/events/consumer-lag?${query}`);
      expect(rejected.status).toBe(400);
      expect(rejected.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('reads every stream in two pipelined round trips', async () => {
    const { getRedisClient } = await import('@/lib/redis');
    const { getConfig } = await import('@/lib/config');
    const appClient = getRedisClient(getConfig().redis);
    await get(routes.consumerLag, '/api/v1/events/consumer-lag');
    const writes = vi.spyOn(appClient.stream, 'write');
    await get(routes.consumerLag, '/api/v1/events/consumer-lag');
    const socketWrites = writes.mock.calls.length;
    writes.mockRestore();
    expect(socketWrites).toBe(2);
  });
});

describe('GET /api/v1/events/streams', () => {
  it('lists name, length and groups as XINFO STREAM prints them, with the group detail', async () => {
    const { status, body } = await get(routes.streams, '/api/v1/events/streams');
    expect(status).toBe(200);
    const list = (body as { streams: Array<Record<string, unknown> & { name: string; consumer_groups: Array<Record<string, unknown>> }> }).streams;
    expect(list.map((stream) => stream.name)).toEqual(streamNames);
    for (const name of [names.behind, names.gap, names.moved, names.noGroup, names.pending]) {
      const info = (await cli('XINFO', 'STREAM', name)) as CliStream;
      const groups = (await cli('XINFO', 'GROUPS', name)) as CliGroup[];
      const listed = list.find((stream) => stream.name === name);
      expect(listed).toMatchObject({
        length: info.length,
        groups: info.groups,
        exists: true,
        first_entry_id: info['first-entry']?.[0],
        last_entry_id: info['last-entry']?.[0],
        last_generated_id: info['last-generated-id'],
        entries_added: info['entries-added'] ?? null,
        max_deleted_entry_id: info['max-deleted-entry-id'] ?? null,
      });
      expect(listed?.consumer_groups.map((group) => [group.name, group.consumers, group.pending, group.last_delivered_id, group.entries_read ?? null, group.redis_lag]))
        .toEqual(groups.map((group) => [group.name, group.consumers, group.pending, group['last-delivered-id'], group['entries-read'] ?? null, group.lag ?? null]));
    }
    expect(list.find((stream) => stream.name === names.missing)).toMatchObject({ exists: false, length: 0, groups: 0 });
    expect(list.find((stream) => stream.name === names.wrongType)?.error).toMatch(/^WRONGTYPE/);
    expect((body as { server: { version: string } }).server.version).toMatch(/^\d+\.\d+/);
  });
});

describe('GET /api/v1/events/health', () => {
  it('classifies each stream as the seed does and names the group', async () => {
    const { status, body } = await get(routes.health, '/api/v1/events/health');
    expect(status).toBe(200);
    const lags = await Promise.all([names.behind, names.gap, names.moved, names.pending].map(async (name) => (await cliLag(name, 'workers')).lag));
    expect(body).toEqual({
      status: 'unhealthy',
      redis_connected: true,
      transport_mode: 'redis_streams',
      // Four measured and two lag-0 streams are below 100; the wrong-type key cannot be read.
      streams: { healthy: 6, degraded: 0, unhealthy: 1 },
      max_lag: Math.max(...lags),
      total_lag: lags.reduce((sum, lag) => sum + lag, 0),
      consumer_group: 'workers',
      lag_estimated_streams: 2,
      observed_at: expect.any(String),
    });
  });
});

describe('authentication', () => {
  // An anonymous call (no Authorization header) reaches next-auth's getServerSession, which
  // needs Next's request scope and so cannot run in-process; e2e/api/route-auth.spec.ts sends
  // anonymous requests to every route, these included, against the built app.
  it('answers 401 to a forged token', async () => {
    for (const [route, path] of [[routes.consumerLag, '/api/v1/events/consumer-lag'], [routes.streams, '/api/v1/events/streams'], [routes.health, '/api/v1/events/health']] as const) {
      const { status, body } = await callRoute(route, { path, params: {}, token: 'lgb_forged-token-0000000000000000' });
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });
});
