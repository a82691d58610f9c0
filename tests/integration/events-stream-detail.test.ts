import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, createStreamWithEntries, readAndAck, readWithoutAck, setGroupId } from '@/lib/redis/workload';
import { callRoute, createTestToken } from '../support/api-client';
import { cliEntriesAfter, cliState, type CliGroupState, type CliState } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// The stream and group detail endpoints for the UI: consumers with pending and idle, the oldest
// pending entry and dead-consumer candidates, compared with redis-cli. Stream names with ':',
// '/', '%' and spaces travel percent-encoded in the path and come back unchanged.

const prefix = uniqueName('lagboard-events-detail');
const odd = `${prefix}:chat/odd %41 name`;
const moved = `${prefix}:moved`;
process.env.EVENT_STREAMS = [odd, moved].join(',');
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'workers';
process.env.DEAD_CONSUMER_IDLE_MS = '600000';

type StreamRoute = Parameters<typeof callRoute<{ stream: string }>>[0];
type GroupRoute = Parameters<typeof callRoute<{ stream: string; group: string }>>[0];
let streamRoute: StreamRoute;
let groupRoute: GroupRoute;
let redis: Redis;
let token: string;

interface ConsumerJson { name: string; pending: number; idle_ms: number; inactive_ms: number | null; dead_candidate: boolean }
interface GroupJson {
  name: string;
  consumer_count: number;
  pending: number;
  lag: number;
  lag_estimated: boolean;
  redis_lag: number | null;
  oldest_pending_id: string | null;
  oldest_pending_idle_ms: number | null;
  oldest_pending: Array<{ id: string; consumer: string; idle_ms: number; delivery_count: number }>;
  consumers: ConsumerJson[];
  dead_consumer_candidates: string[];
}
interface StreamJson { name: string; length: number; groups: number; consumer_groups: GroupJson[]; dead_consumer_idle_ms: number }

const streamPath = (name: string) => `/api/v1/events/streams/${encodeURIComponent(name)}`;

function expectBetween(value: number | null | undefined, low: number, high: number): void {
  expect(value).toBeTypeOf('number');
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
}

/** Every group number of the detail against redis-cli readings taken before and after it. */
function compareGroup(group: GroupJson | undefined, before: CliGroupState, after: CliGroupState): void {
  expect(group).toMatchObject({ name: after.group.name, consumer_count: after.group.consumers, pending: after.group.pending, redis_lag: after.group.lag ?? null });
  expect(group?.oldest_pending_id).toBe(after.summary[1]);
  expect(group?.oldest_pending.map(({ id, consumer, delivery_count }) => [id, consumer, delivery_count]))
    .toEqual(after.detail.map(([id, consumer, , deliveryCount]) => [id, consumer, deliveryCount]));
  if (after.summary[0] > 0) {
    expectBetween(group?.oldest_pending_idle_ms, before.detail[0]?.[2] ?? NaN, after.detail[0]?.[2] ?? NaN);
  }
  expect(group?.consumers.map(({ name, pending }) => [name, pending])).toEqual(after.consumers.map(({ name, pending }) => [name, pending]));
  group?.consumers.forEach((consumer, index) => {
    expectBetween(consumer.idle_ms, before.consumers[index]?.idle ?? NaN, after.consumers[index]?.idle ?? NaN);
  });
}

async function detailBetweenCliReadings(path: string, stream: string): Promise<{ before: CliState; detail: StreamJson; after: CliState }> {
  const before = await cliState(stream, 10);
  const response = await callRoute(streamRoute, { path, params: { stream: encodeURIComponent(stream) }, token });
  expect(response.status).toBe(200);
  const after = await cliState(stream, 10);
  return { before, detail: response.body as StreamJson, after };
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await createStreamWithEntries(redis, odd, 10);
  await createGroup(redis, odd, 'workers', '0');
  await readWithoutAck(redis, odd, 'workers', 'stalled', 3);
  await sleep(300);
  await readAndAck(redis, odd, 'workers', 'active', 2);
  await createGroup(redis, odd, 'auditors', '$');

  const ids = await createStreamWithEntries(redis, moved, 8);
  await createGroup(redis, moved, 'workers', '0');
  await setGroupId(redis, moved, 'workers', ids[1] as string);

  token = await createTestToken('viewer');
  streamRoute = (await import('@/app/api/v1/events/streams/[stream]/route')).GET;
  groupRoute = (await import('@/app/api/v1/events/streams/[stream]/groups/[group]/route')).GET;
});

afterAll(async () => {
  await redis.del(odd, moved);
  await redis.quit();
});

describe('GET /api/v1/events/streams/{stream}', () => {
  it('decodes the name and reports every group as redis-cli does, with a dead-consumer candidate', async () => {
    const { before, detail, after } = await detailBetweenCliReadings(`${streamPath(odd)}?dead_consumer_idle_ms=250`, odd);
    expect(detail).toMatchObject({ name: odd, length: after.stream.length, groups: after.stream.groups, dead_consumer_idle_ms: 250 });
    expect(detail.consumer_groups.map((group) => group.name)).toEqual(after.groups.map((state) => state.group.name));
    detail.consumer_groups.forEach((group, index) => compareGroup(group, before.groups[index] as CliGroupState, after.groups[index] as CliGroupState));

    const workers = detail.consumer_groups.find((group) => group.name === 'workers');
    expect(workers).toMatchObject({ lag: 5, lag_estimated: false, pending: 3, dead_consumer_candidates: ['stalled'] });
    expect(workers?.consumers.find((consumer) => consumer.name === 'stalled')).toMatchObject({ pending: 3, dead_candidate: true });
    expect(workers?.consumers.find((consumer) => consumer.name === 'active')).toMatchObject({ pending: 0, dead_candidate: false });
    expect(detail.consumer_groups.find((group) => group.name === 'auditors')).toMatchObject({ lag: 0, pending: 0, consumers: [] });
  });

  it('uses DEAD_CONSUMER_IDLE_MS without the query, and rejects a bad threshold', async () => {
    const { detail } = await detailBetweenCliReadings(streamPath(odd), odd);
    expect(detail.dead_consumer_idle_ms).toBe(600_000);
    expect(detail.consumer_groups.flatMap((group) => group.dead_consumer_candidates)).toEqual([]);
    const rejected = await callRoute(streamRoute, { path: `${streamPath(odd)}?dead_consumer_idle_ms=soon`, params: { stream: 'x' }, token });
    expect(rejected.status).toBe(400);
  });

  it('counts the lag of a group moved with SETID and marks it estimated', async () => {
    const { detail, after } = await detailBetweenCliReadings(streamPath(moved), moved);
    const cliGroup = after.groups[0]?.group;
    expect(cliGroup?.lag).toBeNull();
    expect(detail.consumer_groups[0]).toMatchObject({
      lag: await cliEntriesAfter(moved, cliGroup?.['last-delivered-id'] ?? '', 10_000),
      lag_estimated: true,
      redis_lag: null,
    });
    expect(detail.consumer_groups[0]?.lag).toBe(6);
  });

  it('answers 404 for a stream Lagboard does not observe', async () => {
    const response = await callRoute(streamRoute, { path: streamPath(`${prefix}:elsewhere`), params: { stream: 'x' }, token });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('GET /api/v1/events/streams/{stream}/groups/{group}', () => {
  it('gives one group of the stream, and 404 for an unknown group', async () => {
    const path = `${streamPath(odd)}/groups/workers?dead_consumer_idle_ms=250`;
    const response = await callRoute(groupRoute, { path, params: { stream: encodeURIComponent(odd), group: 'workers' }, token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stream: odd, name: 'workers', pending: 3, dead_consumer_candidates: ['stalled'] });
    // The dead consumer's entries are left out of the sizing and named in the reason.
    expect((response.body as { scaling: { reason: string; recommended_consumers: number } }).scaling.reason).toContain('dead consumer');

    const unknown = await callRoute(groupRoute, { path: `${streamPath(odd)}/groups/${encodeURIComponent('no such:group')}`, params: { stream: 'x', group: 'x' }, token });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { message: string } }).error.message).toContain('no such:group');
  });

  it('answers 401 to a forged token', async () => {
    const response = await callRoute(groupRoute, { path: `${streamPath(odd)}/groups/workers`, params: { stream: 'x', group: 'workers' }, token: 'lgb_forged-token-0000000000000000' });
    expect(response.status).toBe(401);
  });
});
