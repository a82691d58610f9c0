import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as channelsRoute from '@/app/api/v1/alert-channels/route';
import * as channelRoute from '@/app/api/v1/alert-channels/[channel_id]/route';
import * as deliveriesRoute from '@/app/api/v1/alert-channels/[channel_id]/deliveries/route';
import * as testRoute from '@/app/api/v1/alert-channels/[channel_id]/test/route';
import { getDb } from '@/lib/db';
import type { AlertChannelJson, AlertDeliveryJson } from '@/lib/notifications/api-schemas';
import { callRoute, createTestToken } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { HttpReceiver } from '../support/http-receiver';
import { uniqueName } from '../support/test-env';

// The alert-channels API through its real handlers, the real database and a real receiver.

const secret = 'api-secret-value-0123456789-XYZW';
const urlToken = 'T0A1B2C3/ZZtokenQ9';
let adminToken: string;
let operatorToken: string;
let receiver: HttpReceiver;
const created: string[] = [];

const post = (body: unknown, token = adminToken) => callRoute(channelsRoute.POST, { path: '/api/v1/alert-channels', params: {}, token, method: 'POST', body });
const list = (token: string = adminToken) => callRoute(channelsRoute.GET, { path: '/api/v1/alert-channels', params: {}, token });
const patch = (channelId: string, body: unknown) =>
  callRoute(channelRoute.PATCH, { path: `/api/v1/alert-channels/${channelId}`, params: { channel_id: channelId }, token: adminToken, method: 'PATCH', body });
const remove = (channelId: string) =>
  callRoute(channelRoute.DELETE, { path: `/api/v1/alert-channels/${channelId}`, params: { channel_id: channelId }, token: adminToken, method: 'DELETE' });
const sendTest = (channelId: string) =>
  callRoute(testRoute.POST, { path: `/api/v1/alert-channels/${channelId}/test`, params: { channel_id: channelId }, token: adminToken, method: 'POST' });
const deliveries = (channelId: string, query = '') =>
  callRoute(deliveriesRoute.GET, { path: `/api/v1/alert-channels/${channelId}/deliveries${query}`, params: { channel_id: channelId }, token: adminToken });

function expectNoSecrets(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(urlToken);
  expect(text).not.toContain('ZZtoken');
}

beforeAll(async () => {
  await prepareTestDatabase();
  [adminToken, operatorToken] = await Promise.all([createTestToken('admin'), createTestToken('operator')]);
  receiver = await HttpReceiver.start();
});

afterAll(async () => {
  const prisma = await getDb();
  await prisma.alertChannel.deleteMany({ where: { id: { in: created } } });
  await receiver.close();
});

describe('alert channels API', () => {
  let webhook: AlertChannelJson;

  it('needs a token and the admin role', async () => {
    expect((await list('lgb_forged_token_0123456789')).status).toBe(401);
    const forbidden = await list(operatorToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: { code: 'forbidden', message: 'This needs the admin role' } });
    expect((await post({ name: 'x', kind: 'slack', url: 'https://hooks.example/x' }, operatorToken)).status).toBe(403);
  });

  it('refuses bad input with clear messages', async () => {
    const noSecret = await post({ name: 'hook', kind: 'webhook', url: `${receiver.url}/hook` });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body).toMatchObject({ error: { code: 'invalid_request', details: [{ parameter: 'secret', problem: expect.stringContaining('needs a secret') }] } });
    const badUrl = await post({ name: 'hook', kind: 'slack', url: 'ftp://example.com/x' });
    expect(badUrl.body).toMatchObject({ error: { details: [{ parameter: 'url', problem: 'must be an http:// or https:// URL' }] } });
    const shortRepeat = await post({ name: 'hook', kind: 'slack', url: 'https://hooks.example/x', repeat_interval_seconds: 5 });
    expect(shortRepeat.body).toMatchObject({ error: { details: [{ parameter: 'repeat_interval_seconds', problem: 'must be at least 60 seconds' }] } });
    const unknownTeam = await post({ name: 'hook', kind: 'slack', url: 'https://hooks.example/x', team_id: 'nosuchteam' });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body).toMatchObject({ error: { details: [{ parameter: 'team_id', problem: 'no team "nosuchteam"' }] } });
    const unknownField = await post({ name: 'hook', kind: 'slack', url: 'https://hooks.example/x', colour: 'red' });
    expect(unknownField.status).toBe(400);
    const badSeverity = await post({ name: 'hook', kind: 'slack', url: 'https://hooks.example/x', min_severity: 'loud' });
    expect(badSeverity.status).toBe(400);
  });

  it('creates a channel and never shows its URL or secret back in full', async () => {
    const prisma = await getDb();
    const team = await prisma.team.create({ data: { name: uniqueName('notify-team') } });
    const response = await post({
      name: 'Payments on-call', kind: 'webhook', url: `${receiver.url}/hook/${urlToken}`, secret, team_id: team.id,
      min_severity: 'warning', rule_ids: ['kafka.slo_violation'], repeat_interval_seconds: 600,
    });
    expect(response.status).toBe(201);
    webhook = response.body as AlertChannelJson;
    created.push(webhook.id);
    expect(webhook).toMatchObject({
      name: 'Payments on-call', kind: 'webhook', url_masked: `http://${new URL(receiver.url).host}/…enQ9`,
      secret_set: true, secret_masked: '…XYZW', team_id: team.id, team_name: team.name, receives: 'team',
      min_severity: 'warning', rule_ids: ['kafka.slo_violation'], repeat_interval_seconds: 600, enabled: true,
    });
    expectNoSecrets(response.body);
    const listed = await list();
    expect((listed.body as { channels: AlertChannelJson[] }).channels.map((channel) => channel.id)).toContain(webhook.id);
    expectNoSecrets(listed.body);
  });

  it('edits a channel: a missing secret keeps the stored one, team null means every alert', async () => {
    const edited = await patch(webhook.id, { name: 'Payments', team_id: null, enabled: false });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Payments', team_id: null, receives: 'all', enabled: false, secret_masked: '…XYZW' });
    expectNoSecrets(edited.body);
    const removeSecret = await patch(webhook.id, { secret: null });
    expect(removeSecret.status).toBe(400);
    expect((await patch('nosuchchannel', { name: 'x' })).status).toBe(404);
    expect((await patch(webhook.id, { url: 'not a url' })).status).toBe(400);
    expect((await patch('bad id!', { name: 'x' })).status).toBe(400);
  });

  it('"Send test" posts a signed test message to the receiver and logs the outcome', async () => {
    receiver.respond([{ status: 200 }, { status: 500 }]);
    const ok = await sendTest(webhook.id);
    expect(ok.status).toBe(200);
    const okBody = ok.body as { ok: boolean; delivery: AlertDeliveryJson };
    expect(okBody).toMatchObject({ ok: true, delivery: { kind: 'test', status: 'delivered', attempt: 1, last_status_code: 200 } });
    const request = receiver.requests.at(-1);
    expect(request?.path).toBe(`/hook/${urlToken}`);
    const timestamp = String(request?.headers['x-lagboard-timestamp']);
    expect(request?.headers['x-lagboard-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${request?.body}`).digest('hex')}`);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ kind: 'test', delivery_id: okBody.delivery.delivery_id });

    const failed = await sendTest(webhook.id);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ ok: false, delivery: { status: 'failed', last_status_code: 500, last_error_kind: 'http_5xx' } });
    expectNoSecrets(failed.body);

    const log = await deliveries(webhook.id);
    expect(log.status).toBe(200);
    const rows = (log.body as { deliveries: AlertDeliveryJson[] }).deliveries;
    expect(rows.map((row) => [row.status, row.last_status_code])).toEqual([['failed', 500], ['delivered', 200]]);
    expect(rows[0]?.attempts).toEqual([expect.objectContaining({ attempt: 1, status_code: 500, error_kind: 'http_5xx' })]);
    expectNoSecrets(log.body);
    expect((await deliveries(webhook.id, '?limit=1')).body).toMatchObject({ deliveries: [{ status: 'failed' }] });
    expect((await deliveries(webhook.id, '?limit=0')).status).toBe(400);
  });

  it('a receiver that cannot be reached is a failed test, not an API error', async () => {
    const response = await post({ name: 'Nowhere', kind: 'slack', url: 'http://127.0.0.1:1/services/T0/B0/nowhere' });
    const channelId = (response.body as AlertChannelJson).id;
    created.push(channelId);
    const result = await sendTest(channelId);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: false, delivery: { status: 'failed', last_status_code: null, last_error_kind: 'connection' } });
  });

  it('deletes a channel and its delivery log', async () => {
    const deleted = await remove(webhook.id);
    expect(deleted.body).toEqual({ deleted: true, id: webhook.id });
    expect((await remove(webhook.id)).status).toBe(404);
    expect((await deliveries(webhook.id)).status).toBe(404);
    expect((await sendTest(webhook.id)).status).toBe(404);
    const prisma = await getDb();
    expect(await prisma.alertDelivery.count({ where: { channelId: webhook.id } })).toBe(0);
  });
});
