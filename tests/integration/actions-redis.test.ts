import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as setIdRoute } from '@/app/api/v1/events/streams/[stream]/groups/[group]/last-delivered-id/route';
import { POST as claimRoute } from '@/app/api/v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/claim/route';
import { POST as acknowledgeRoute } from '@/app/api/v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/acknowledge/route';
import { DELETE as deleteConsumerRoute } from '@/app/api/v1/events/streams/[stream]/groups/[group]/consumers/[consumer]/route';
import { GET as auditRoute } from '@/app/api/v1/audit/route';
import type { AuditListResponse, PendingActionResponse, SetIdResponse } from '@/lib/actions/api-schemas';
import { createGroup, createStreamWithEntries, deleteEntries, readAndAck, readWithoutAck } from '@/lib/redis/workload';
import { callRoute, createTestToken } from '../support/api-client';
import { cli, type CliConsumer, type CliGroup, type CliPendingSummary } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// Each Redis action through its route against the real Redis; outcomes compared with what
// redis-cli prints for XINFO GROUPS, XINFO CONSUMERS and XPENDING.

const stream = uniqueName('lagboard-actions-test:orders');
const deletedStream = uniqueName('lagboard-actions-test:holes');
const unwatched = uniqueName('lagboard-actions-test:unwatched');
const group = 'workers';
process.env.EVENT_STREAMS = [stream, deletedStream].join(',');

let redis: Redis;
let ids: string[] = [];
let operatorToken = '';
let viewerToken = '';

const base = (streamName: string, groupName = group) => `/api/v1/events/streams/${encodeURIComponent(streamName)}/groups/${encodeURIComponent(groupName)}`;
const params = { stream: '', group: '', consumer: '' };

type PostRoute = (request: Request, context: { params: Promise<typeof params> }) => Promise<Response>;

function post(route: PostRoute, path: string, body: unknown, token = operatorToken) {
  return callRoute(route, { path, params, token, method: 'POST', body });
}

async function cliGroup(streamName = stream): Promise<CliGroup> {
  const groups = (await cli('XINFO', 'GROUPS', streamName)) as CliGroup[];
  return groups.find((candidate) => candidate.name === group) as CliGroup;
}

async function cliPendingByConsumer(): Promise<Record<string, number>> {
  const [, , , perConsumer] = (await cli('XPENDING', stream, group)) as CliPendingSummary;
  return Object.fromEntries((perConsumer ?? []).map(([consumer, count]) => [consumer, Number(count)]));
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  operatorToken = await createTestToken('operator');
  viewerToken = await createTestToken('viewer');
  ids = await createStreamWithEntries(redis, stream, 30);
  await createGroup(redis, stream, group, '0');
  // worker-dead takes 10 entries and acknowledges none; worker-live takes and acknowledges 5.
  await readWithoutAck(redis, stream, group, 'worker-dead', 10);
  await sleep(300);
  await readAndAck(redis, stream, group, 'worker-live', 5);
  await createStreamWithEntries(redis, unwatched, 3);
  await createGroup(redis, unwatched, group, '0');
});

afterAll(async () => {
  await redis.del(stream, deletedStream, unwatched);
  await redis.quit();
});

describe('POST …/groups/{group}/last-delivered-id', () => {
  it('previews the lag a new id gives without moving the group', async () => {
    expect((await cliGroup())['last-delivered-id']).toBe(ids[14]);
    const response = await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: ids[19], dry_run: true });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      stream, group, dry_run: true, executed: false, last_delivered_id_before: ids[14] as string, last_delivered_id_after: ids[19] as string,
      lag_before: 15, lag_after: 10, lag_after_at_least: false, entries_read: 20, audit_id: null,
    } satisfies SetIdResponse);
    expect((await cliGroup())['last-delivered-id']).toBe(ids[14]);
  });

  it('moves the group with ENTRIESREAD, so Redis reports the lag the preview gave', async () => {
    const response = await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: ids[19], dry_run: false });
    expect(response.status).toBe(200);
    const cliView = await cliGroup();
    expect(cliView['last-delivered-id']).toBe(ids[19]);
    expect(cliView['entries-read']).toBe(20);
    expect(cliView.lag).toBe(10);
    const audit = await callRoute(auditRoute, { path: `/api/v1/audit?stream=${encodeURIComponent(stream)}&action=redis.group.set_id`, params: {}, token: operatorToken });
    expect((audit.body as AuditListResponse).entries[0]).toMatchObject({
      outcome: 'succeeded', group_id: group, before: { last_delivered_id: ids[14], lag: 15 }, after: { last_delivered_id: ids[19], lag: 10, entries_read: 20 },
    });
  });

  it('"$" moves to the newest entry: lag 0 in XINFO GROUPS', async () => {
    expect((await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: '$', dry_run: false })).status).toBe(200);
    expect(await cliGroup()).toMatchObject({ 'last-delivered-id': ids[29], lag: 0 });
  });

  it('leaves ENTRIESREAD out when an entry after the id was deleted: Redis cannot know the lag then', async () => {
    const holeIds = await createStreamWithEntries(redis, deletedStream, 10);
    await createGroup(redis, deletedStream, group, '$');
    await deleteEntries(redis, deletedStream, [holeIds[7] as string]);
    const response = await post(setIdRoute, `${base(deletedStream)}/last-delivered-id`, { id: holeIds[3], dry_run: false });
    expect(response.body).toMatchObject({ entries_read: null, lag_after: 5 });
    expect((await cliGroup(deletedStream)).lag).toBeNull();
  });

  it('refuses a viewer (403, audited), an id after the newest entry (400), an unwatched stream (404)', async () => {
    expect((await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: '0', dry_run: false }, viewerToken)).status).toBe(403);
    expect((await cliGroup())['last-delivered-id']).toBe(ids[29]);
    expect((await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: '99999999999999-0', dry_run: true })).status).toBe(400);
    expect((await post(setIdRoute, `${base(stream)}/last-delivered-id`, { id: 'abc', dry_run: true })).status).toBe(400);
    expect((await post(setIdRoute, `${base(unwatched)}/last-delivered-id`, { id: '0', dry_run: true })).status).toBe(404);
    expect((await post(setIdRoute, `${base(stream, 'nobody')}/last-delivered-id`, { id: '0', dry_run: true })).status).toBe(404);
    const audit = await callRoute(auditRoute, { path: `/api/v1/audit?stream=${encodeURIComponent(stream)}&outcome=refused`, params: {}, token: operatorToken });
    expect((audit.body as AuditListResponse).entries[0]).toMatchObject({ action: 'redis.group.set_id', status: 403, actor: { role: 'viewer' } });
  });
});

describe('claim, acknowledge and delete a consumer', () => {
  it('claims the dead consumer’s entries idle at least min_idle_ms to another consumer', async () => {
    expect(await cliPendingByConsumer()).toEqual({ 'worker-dead': 10 });
    // worker-dead touches its 4 newest entries now (idle back to 0); the 6 older ones have been idle over 300 ms.
    await redis.xclaim(stream, group, 'worker-dead', 0, ...(ids.slice(6, 10) as string[]), 'JUSTID');
    const path = `${base(stream)}/consumers/worker-dead/claim`;
    const preview = await post(claimRoute, path, { to_consumer: 'worker-live', min_idle_ms: 250, dry_run: true });
    expect(preview.body).toMatchObject({ matching_count: 6, affected_count: 0, executed: false, consumer_pending_before: 10 } satisfies Partial<PendingActionResponse>);
    expect(await cliPendingByConsumer()).toEqual({ 'worker-dead': 10 });
    const response = await post(claimRoute, path, { to_consumer: 'worker-live', min_idle_ms: 250, dry_run: false });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ affected_count: 6, consumer_pending_before: 10, consumer_pending_after: 4 });
    expect(await cliPendingByConsumer()).toEqual({ 'worker-dead': 4, 'worker-live': 6 });
  });

  it('acknowledges the rest: XPENDING no longer lists the consumer', async () => {
    const response = await post(acknowledgeRoute, `${base(stream)}/consumers/worker-dead/acknowledge`, { dry_run: false });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'acknowledge', affected_count: 4, consumer_pending_after: 0 });
    expect(await cliPendingByConsumer()).toEqual({ 'worker-live': 6 });
  });

  it('refuses to delete a consumer holding pending entries unless forced', async () => {
    const path = `${base(stream)}/consumers/worker-live`;
    const refused = await callRoute(deleteConsumerRoute, { path, params, token: operatorToken, method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('6 pending entries') } });
    expect(((await cli('XINFO', 'CONSUMERS', stream, group)) as CliConsumer[]).map((consumer) => consumer.name)).toContain('worker-live');
    const forced = await callRoute(deleteConsumerRoute, { path: `${path}?force=true`, params, token: operatorToken, method: 'DELETE' });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ deleted: true, pending_dropped: 6 });
    const idle = await callRoute(deleteConsumerRoute, { path: `${base(stream)}/consumers/worker-dead`, params, token: operatorToken, method: 'DELETE' });
    expect(idle.status).toBe(200);
    expect(await cli('XINFO', 'CONSUMERS', stream, group)).toEqual([]);
    expect((await cli('XPENDING', stream, group) as CliPendingSummary)[0]).toBe(0);
  });

  it('answers 404 for an unknown consumer, 400 for a claim to itself, 403 for a viewer', async () => {
    expect((await post(acknowledgeRoute, `${base(stream)}/consumers/nobody/acknowledge`, { dry_run: true })).status).toBe(404);
    expect((await post(claimRoute, `${base(stream)}/consumers/x/claim`, { to_consumer: 'x', min_idle_ms: 0, dry_run: true })).status).toBe(400);
    expect((await post(claimRoute, `${base(stream)}/consumers/x/claim`, { to_consumer: 'y', min_idle_ms: 0, dry_run: false }, viewerToken)).status).toBe(403);
  });
});
