import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { callRoute } from '../support/api-client';
import { cli } from '../support/redis-cli';
import { openLiveRoute, type LiveConnection } from '../support/sse-client';
import { uniqueName } from '../support/test-env';

// Token rules (no minting with a token, expiry, 401 once expired), the re-check and the per-user
// cap of live streams, and the body limit, through the real wrapper, on real Redis and PostgreSQL.

const streamName = `${uniqueName('security-live')}:chat`;
process.env.EVENT_STREAMS = streamName;
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'workers';
process.env.LIVE_AUTH_RECHECK_MS = '200';
process.env.LIVE_STREAMS_PER_USER_MAX = '2';
process.env.API_BODY_MAX_BYTES = '4096';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let liveRoute: Handler;
let tokensRoute: { GET: Handler; POST: Handler };
let clustersRoute: Handler;
let importRoute: Handler;
const opened: LiveConnection[] = [];

async function newUser(role: Role): Promise<{ id: string; token: string; tokenId: string }> {
  const { user } = await upsertUser({ username: uniqueName(`security-${role}`), password: 'integration-password', role });
  const { token, record } = await createApiToken(user.id, 'integration');
  return { id: user.id, token, tokenId: record.id };
}

async function openLive(token: string): Promise<LiveConnection> {
  const live = await openLiveRoute(liveRoute, { path: `/api/v1/events/streams/${encodeURIComponent(streamName)}/live?interval=60`, params: { stream: streamName }, token });
  opened.push(live);
  return live;
}

/** The events until the server ends the stream (or `limit` events). */
async function eventsUntilEnd(live: LiveConnection, limit = 5): Promise<string[]> {
  const names: string[] = [];
  for (let index = 0; index < limit; index += 1) {
    const event = await live.next();
    if (!event) break;
    names.push(event.event);
  }
  return names;
}

beforeAll(async () => {
  await cli('XADD', streamName, '*', 'kind', 'chat');
  await cli('XGROUP', 'CREATE', streamName, 'workers', '0');
  liveRoute = ((await import('@/app/api/v1/events/streams/[stream]/live/route')) as { GET: Handler }).GET;
  tokensRoute = (await import('@/app/api/v1/tokens/route')) as { GET: Handler; POST: Handler };
  clustersRoute = ((await import('@/app/api/v1/clusters/route')) as { GET: Handler }).GET;
  importRoute = ((await import('@/app/api/v1/teams/import/route')) as { POST: Handler }).POST;
});

afterAll(async () => {
  for (const live of opened) live.close();
  await cli('DEL', streamName);
});

describe('API tokens', () => {
  it('refuses to create a token with a token', async () => {
    const user = await newUser('admin');
    const before = await (await getDb()).apiToken.count({ where: { userId: user.id } });
    const response = await callRoute(tokensRoute.POST, { path: '/api/v1/tokens', params: {}, token: user.token, method: 'POST', body: { name: 'minted' } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
    await expect((await getDb()).apiToken.count({ where: { userId: user.id } })).resolves.toBe(before);
  });

  it('refuses an expired token with 401 and lists its expiry', async () => {
    const { user } = await upsertUser({ username: uniqueName('security-expiring'), password: 'integration-password', role: 'viewer' });
    const expiresAt = new Date(Date.now() + 1_500);
    const { token } = await createApiToken(user.id, 'short-lived', { expiresAt });
    expect((await callRoute(clustersRoute, { path: '/api/v1/clusters', params: {}, token })).status).toBe(200);
    const listed = await callRoute(tokensRoute.GET, { path: '/api/v1/tokens', params: {}, token });
    expect(listed.body).toMatchObject({ tokens: [{ name: 'short-lived', expires_at: expiresAt.toISOString() }] });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const refused = await callRoute(clustersRoute, { path: '/api/v1/clusters', params: {}, token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('live streams', () => {
  it('closes an open stream once its token is revoked', async () => {
    const user = await newUser('viewer');
    const live = await openLive(user.token);
    expect(live.response.status).toBe(200);
    expect((await live.next())?.event).toBe('update');
    expect(await revokeApiToken(user.tokenId)).toBe(true);
    // interval=60: the only reason for the stream to end within the test is the re-check.
    expect(await eventsUntilEnd(live)).toEqual(['unauthorized']);
  });

  it('closes an open stream once its user is disabled', async () => {
    const user = await newUser('viewer');
    const live = await openLive(user.token);
    expect((await live.next())?.event).toBe('update');
    await (await getDb()).user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await eventsUntilEnd(live)).toEqual(['unauthorized']);
  });

  it('caps the streams open per user with a 429, and frees a slot when one closes', async () => {
    const user = await newUser('viewer');
    const first = await openLive(user.token);
    const second = await openLive(user.token);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const refused = await callRoute(liveRoute, { path: `/api/v1/events/streams/${encodeURIComponent(streamName)}/live?interval=60`, params: { stream: streamName }, token: user.token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ error: { code: 'too_many_requests' } });
    // Another user is not affected by this one's streams.
    expect((await openLive((await newUser('viewer')).token)).response.status).toBe(200);
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await openLive(user.token)).response.status).toBe(200);
  });
});

describe('request bodies', () => {
  const importPath = '/api/v1/teams/import?dry_run=true';
  async function postImport(token: string, body: BodyInit, headers: Record<string, string>) {
    const request = new Request(`http://lagboard.test${importPath}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: 'half',
    } as RequestInit);
    const response = await importRoute(request, { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  }

  it('answers 413 for a body over the limit, counting the bytes read, not the declared length', async () => {
    const admin = await newUser('admin');
    const large = JSON.stringify({ version: 1, teams: [], padding: 'x'.repeat(10_000) });
    expect(await postImport(admin.token, large, { 'content-type': 'application/json' })).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    // A stream with no Content-Length: the limit still holds.
    const encoder = new TextEncoder();
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 10; index += 1) controller.enqueue(encoder.encode('x'.repeat(1_000)));
        controller.close();
      },
    });
    expect(await postImport(admin.token, chunked, { 'content-type': 'application/json' })).toMatchObject({ status: 413 });
  });

  it('answers 415 for a body that is not declared JSON and 400 for malformed JSON', async () => {
    const admin = await newUser('admin');
    expect(await postImport(admin.token, '{"version":1,"teams":[]}', { 'content-type': 'text/plain' })).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    expect(await postImport(admin.token, '{"version":1,', { 'content-type': 'application/json' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});
