import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as teamsRoute from '@/app/api/v1/teams/route';
import * as teamRoute from '@/app/api/v1/teams/[team_id]/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import { callRoute, createTestToken } from '../support/api-client';
import { cli, cliBatch, cliEntriesAfter, cliState, type CliState } from '../support/redis-cli';
import { openLiveRoute, type LiveConnection, type SseEvent } from '../support/sse-client';
import { uniqueName } from '../support/test-env';

// GET /api/v1/events/streams/{stream}/live against real Redis: every update is compared with
// what redis-cli prints (XINFO GROUPS, XINFO CONSUMERS, XPENDING), entries XADDed during the
// stream show up in the next update, and the route's refusals are JSON before any stream opens.

const prefix = uniqueName('lagboard-live');
const streamName = `${prefix}:chat/odd name`;
process.env.EVENT_STREAMS = streamName;
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'workers';

type LiveRoute = Parameters<typeof openLiveRoute<{ stream: string }>>[0];
let liveRoute: LiveRoute;
let token: string;
const opened: LiveConnection[] = [];

interface LiveGroup {
  name: string;
  lag: number;
  lag_estimated: boolean;
  lag_at_least: boolean;
  redis_lag: number | null;
  pending: number;
  oldest_pending_age_ms: number | null;
  consumers: Array<{ name: string; pending: number; idle_ms: number }>;
}
interface LiveUpdate { stream: string; exists: boolean; length: number; groups: LiveGroup[]; observed_at: string }

const livePath = (name: string, interval?: string) => `/api/v1/events/streams/${encodeURIComponent(name)}/live${interval === undefined ? '' : `?interval=${interval}`}`;

async function open(path: string, bearer = token): Promise<LiveConnection> {
  const connection = await openLiveRoute(liveRoute, { path, params: { stream: 'ignored' }, token: bearer });
  opened.push(connection);
  return connection;
}

function updateOf(event: SseEvent | null): LiveUpdate {
  expect(event?.event).toBe('update');
  return event?.data as LiveUpdate;
}

/**
 * The next update with redis-cli readings taken before `trigger` and after the update, so idle
 * times can be bounded by both. The route reads Redis once before the stream opens (that reading
 * is the first update) and then on every tick, so the trigger is opening or the previous update.
 */
async function updateBetweenCliReadings(trigger: () => Promise<LiveConnection>): Promise<{ before: CliState; update: LiveUpdate; after: CliState; live: LiveConnection }> {
  const before = await cliState(streamName, 10);
  const live = await trigger();
  const update = updateOf(await live.next());
  const after = await cliState(streamName, 10);
  return { before, update, after, live };
}

function expectMatchesCli(update: LiveUpdate, before: CliState, after: CliState): void {
  expect(update).toMatchObject({ stream: streamName, exists: true, length: after.stream.length });
  expect(update.groups.map((group) => group.name)).toEqual(after.groups.map((state) => state.group.name));
  update.groups.forEach((group, index) => {
    const cliGroup = after.groups[index];
    expect(group.pending).toBe(cliGroup?.group.pending);
    expect(group.redis_lag).toBe(cliGroup?.group.lag ?? null);
    expect(group.consumers.map(({ name, pending }) => [name, pending])).toEqual(cliGroup?.consumers.map(({ name, pending }) => [name, pending]));
    group.consumers.forEach((consumer, consumerIndex) => {
      expect(consumer.idle_ms).toBeGreaterThanOrEqual(before.groups[index]?.consumers[consumerIndex]?.idle ?? NaN);
      expect(consumer.idle_ms).toBeLessThanOrEqual(cliGroup?.consumers[consumerIndex]?.idle ?? NaN);
    });
    const oldestPendingId = cliGroup?.summary[1] ?? null;
    expect(group.oldest_pending_age_ms).toBe(oldestPendingId === null ? null : Date.parse(update.observed_at) - Number(oldestPendingId.split('-')[0]));
  });
}

beforeAll(async () => {
  const ids = (await cliBatch(Array.from({ length: 10 }, (_, index) => ['XADD', streamName, '*', 'seq', String(index)]))) as string[];
  await cliBatch([
    ['XGROUP', 'CREATE', streamName, 'workers', '0'],
    ['XREADGROUP', 'GROUP', 'workers', 'active', 'COUNT', '4', 'STREAMS', streamName, '>'],
    ['XACK', streamName, 'workers', ids[0] as string, ids[1] as string],
    ['XGROUP', 'CREATE', streamName, 'auditors', '$'],
    // SETID without ENTRIESREAD: Redis no longer knows this group's lag and reports nil.
    ['XGROUP', 'CREATE', streamName, 'moved', '0'],
    ['XGROUP', 'SETID', streamName, 'moved', ids[2] as string],
  ]);
  token = await createTestToken('viewer');
  liveRoute = (await import('@/app/api/v1/events/streams/[stream]/live/route')).GET;
});

afterEach(() => {
  for (const connection of opened.splice(0)) connection.close();
});

afterAll(async () => {
  await cli('DEL', streamName);
});

describe('GET /api/v1/events/streams/{stream}/live', () => {
  it('sends each group\'s lag, pending and consumers as redis-cli reports them, and follows new entries', async () => {
    const first = await updateBetweenCliReadings(() => open(livePath(streamName, '2')));
    const connection = first.live;
    expect(connection.response.status).toBe(200);
    expect(connection.response.headers.get('content-type')).toContain('text/event-stream');
    expectMatchesCli(first.update, first.before, first.after);
    const workers = first.update.groups.find((group) => group.name === 'workers');
    expect(workers).toMatchObject({ lag: 6, redis_lag: 6, lag_estimated: false, pending: 2 });
    expect(first.after.groups.find((state) => state.group.name === 'workers')?.group.lag).toBe(6);
    expect(first.update.groups.find((group) => group.name === 'auditors')).toMatchObject({ lag: 0, redis_lag: 0, pending: 0, consumers: [] });

    // Redis reports nil for the moved group: the lag is the count of entries after its position, marked estimated, never 0.
    const movedState = first.after.groups.find((state) => state.group.name === 'moved');
    expect(movedState?.group.lag ?? null).toBeNull();
    const counted = await cliEntriesAfter(streamName, movedState?.group['last-delivered-id'] ?? '', 1_000);
    expect(counted).toBe(7);
    expect(first.update.groups.find((group) => group.name === 'moved')).toMatchObject({ lag: counted, lag_estimated: true, lag_at_least: false, redis_lag: null });

    await cliBatch(Array.from({ length: 5 }, (_, index) => ['XADD', streamName, '*', 'seq', `later-${index}`]));
    const second = await updateBetweenCliReadings(async () => connection);
    expectMatchesCli(second.update, second.before, second.after);
    expect(second.update.length).toBe(15);
    expect(second.update.groups.find((group) => group.name === 'workers')?.lag).toBe(11);
    expect(second.after.groups.find((state) => state.group.name === 'workers')?.group.lag).toBe(11);
    // Whether Redis reports these lags (7.2+) or nil (7.0 after `$` or SETID), the figure is the entry count.
    expect(second.update.groups.find((group) => group.name === 'auditors')?.lag).toBe(5);
    expect(second.update.groups.find((group) => group.name === 'moved')?.lag).toBe(await cliEntriesAfter(streamName, movedState?.group['last-delivered-id'] ?? '', 1_000));
    expect(second.update.groups.find((group) => group.name === 'moved')?.lag).toBe(12);
  });

  it('ends the stream when the client disconnects', async () => {
    const connection = await open(livePath(streamName, '2'));
    updateOf(await connection.next());
    connection.close();
    // Without the close the next read would be the following update, two seconds later.
    expect(await connection.next()).toBeNull();
  });

  it('answers an unknown stream with a 404 JSON before any stream opens', async () => {
    const response = await callRoute(liveRoute, { path: livePath(`${prefix}:nobody`), params: { stream: 'ignored' }, token });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining(`${prefix}:nobody`) } });
  });

  it.each([['1'], ['61'], ['0.5'], ['soon']])('rejects interval=%s with a 400 JSON', async (interval) => {
    const response = await callRoute(liveRoute, { path: livePath(streamName, interval), params: { stream: 'ignored' }, token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_request', details: [{ parameter: 'interval' }] } });
  });

  it('accepts both bounds of the interval', async () => {
    for (const interval of ['2', '60']) {
      const connection = await open(livePath(streamName, interval));
      expect(connection.response.status).toBe(200);
      expect(updateOf(await connection.next()).stream).toBe(streamName);
      connection.close();
    }
  });

  it('answers 401 to a forged token', async () => {
    const response = await callRoute(liveRoute, { path: livePath(streamName), params: { stream: 'ignored' }, token: 'lgb_forged-token-0000000000000000' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers 404 to a viewer outside the team that owns the stream, and streams to a member', async () => {
    const admin = await createTestToken('admin');
    const { user: member } = await upsertUser({ username: uniqueName('live-member'), password: 'integration-password', role: 'viewer' });
    const { token: memberToken } = await createApiToken(member.id, 'integration');
    const created = await callRoute(teamsRoute.POST, {
      path: '/api/v1/teams', params: {}, token: admin, method: 'POST',
      body: { name: uniqueName('live-team'), members: [member.username], patterns: [{ kind: 'redis_stream', pattern: `${prefix}:*` }] },
    });
    expect(created.status).toBe(201);
    const teamId = (created.body as { id: string }).id;
    try {
      const outsider = await callRoute(liveRoute, { path: livePath(streamName, '2'), params: { stream: 'ignored' }, token });
      expect(outsider.status).toBe(404);
      expect(outsider.body).toMatchObject({ error: { code: 'not_found' } });
      const asMember = await open(livePath(streamName, '2'), memberToken);
      expect(asMember.response.status).toBe(200);
      expect(updateOf(await asMember.next()).stream).toBe(streamName);
    } finally {
      await callRoute(teamRoute.DELETE, { path: `/api/v1/teams/${teamId}`, params: { team_id: teamId }, token: admin, method: 'DELETE' });
    }
  });
});
