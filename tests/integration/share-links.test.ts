import { beforeAll, describe, expect, it } from 'vitest';
import * as shareLinksRoute from '@/app/api/v1/share-links/route';
import * as shareLinkRoute from '@/app/api/v1/share-links/[share_link_id]/route';
import * as teamsRoute from '@/app/api/v1/teams/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { loadSharedChartData } from '@/lib/share/chart-data';
import type { ShareLinkJson } from '@/lib/share/share-link-record';
import { createShareToken, hashShareToken } from '@/lib/share/share-token';
import { resolveSharedChart } from '@/lib/share/shared-chart';
import { callRoute } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

async function createUserWithToken(role: Role) {
  const { user } = await upsertUser({ username: uniqueName(`share-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return { ...user, token };
}

type Created = ShareLinkJson & { token: string; path: string; url: string };
const chart = { kind: 'kafka_group', cluster_id: 'test', name: 'share-test-group', range: '24h', series: ['total_lag', 'lag_seconds'] };

const create = (token: string, body: unknown) =>
  callRoute(shareLinksRoute.POST, { path: '/api/v1/share-links', params: {}, token, method: 'POST', body });
const list = async (token: string) =>
  ((await callRoute(shareLinksRoute.GET, { path: '/api/v1/share-links', params: {}, token })).body as { share_links: ShareLinkJson[] }).share_links;
const revoke = (token: string, id: string) =>
  callRoute(shareLinkRoute.DELETE, { path: `/api/v1/share-links/${id}`, params: { share_link_id: id }, token, method: 'DELETE' });

describe('share links', () => {
  let admin: Awaited<ReturnType<typeof createUserWithToken>>;
  let operator: typeof admin;
  let otherOperator: typeof admin;
  let viewer: typeof admin;

  beforeAll(async () => {
    await prepareTestDatabase();
    [admin, operator, otherOperator, viewer] = await Promise.all([
      createUserWithToken('admin'), createUserWithToken('operator'), createUserWithToken('operator'), createUserWithToken('viewer'),
    ]);
  });

  it('creates a link for operators, returns its token once, and stores only the hash', async () => {
    const response = await create(operator.token, { ...chart, expires_in_days: 3 });
    expect(response.status).toBe(201);
    const created = response.body as Created;
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/share/${created.token}`);
    expect(created.url).toBe(`http://lagboard.test/share/${created.token}`);
    expect(created).toMatchObject({ status: 'active', created_by: operator.username, chart: { ...chart, group: null } });
    expect(new Date(created.expires_at).getTime() - new Date(created.created_at).getTime()).toBe(3 * 86_400_000);

    const stored = await (await getDb()).shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashShareToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token.split('.')[0]);
    expect((await list(operator.token)).find((link) => link.id === created.id)).not.toHaveProperty('token');
  });

  it('defaults to 7 days, refuses more than 90, bad bindings and viewers', async () => {
    const defaulted = (await create(operator.token, chart)).body as Created;
    expect(new Date(defaulted.expires_at).getTime() - new Date(defaulted.created_at).getTime()).toBe(7 * 86_400_000);
    expect((await create(operator.token, { ...chart, expires_in_days: 91 })).status).toBe(400);
    expect((await create(operator.token, { ...chart, series: ['pending'] })).status).toBe(400);
    expect((await create(operator.token, { ...chart, range: '2h' })).status).toBe(400);
    expect((await create(operator.token, { kind: 'redis_stream_group', name: 'events:chat', range: '1h', series: ['lag'] })).status).toBe(400);
    expect((await create(operator.token, { ...chart, cluster_id: 'no-such-cluster' })).status).toBe(404);
    expect((await create(viewer.token, chart)).status).toBe(403);
  });

  it('lists a user their own links and an admin everyone\'s', async () => {
    const mine = (await create(otherOperator.token, { kind: 'redis_stream_group', name: 'events:chat', group: 'signalr-consumers', range: '1h', series: ['lag', 'pending'] })).body as Created;
    expect((await list(otherOperator.token)).map((link) => link.id)).toEqual([mine.id]);
    expect((await list(operator.token)).map((link) => link.id)).not.toContain(mine.id);
    expect((await list(admin.token)).map((link) => link.id)).toContain(mine.id);
  });

  it('lets the creator or an admin revoke; the link then resolves as revoked', async () => {
    const created = (await create(operator.token, chart)).body as Created;
    expect(await resolveSharedChart(created.token)).toMatchObject({ status: 'active', chart: { sharedBy: operator.username, binding: { name: chart.name } } });
    expect((await revoke(otherOperator.token, created.id)).status).toBe(404);
    expect((await revoke(operator.token, created.id)).status).toBe(200);
    expect((await revoke(operator.token, created.id)).status).toBe(404);
    expect(await resolveSharedChart(created.token)).toEqual({ status: 'revoked' });
    expect((await list(operator.token)).find((link) => link.id === created.id)?.status).toBe('revoked');

    const byAdmin = (await create(otherOperator.token, chart)).body as Created;
    expect((await revoke(admin.token, byAdmin.id)).status).toBe(200);
  });

  it('resolves expired, forged and tampered tokens to a page that shows nothing', async () => {
    const created = (await create(operator.token, chart)).body as Created;
    await (await getDb()).shareLink.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await resolveSharedChart(created.token)).toEqual({ status: 'expired' });
    expect(await resolveSharedChart(createShareToken('some-other-secret-0123456789abcdef'))).toEqual({ status: 'invalid' });
    expect(await resolveSharedChart(`${created.token.slice(0, -2)}AA`)).toEqual({ status: 'invalid' });
    expect(await resolveSharedChart('not-a-token')).toEqual({ status: 'invalid' });
  });

  it('refuses to share a group of a team the operator is not in (404)', async () => {
    const ownedGroup = `${uniqueName('share-owned')}-orders`;
    const team = await callRoute(teamsRoute.POST, {
      path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST',
      body: { name: uniqueName('share-team'), members: [otherOperator.username], patterns: [{ kind: 'kafka_group', pattern: ownedGroup }] },
    });
    expect(team.status).toBe(201);
    expect((await create(operator.token, { ...chart, name: ownedGroup })).status).toBe(404);
    expect((await create(otherOperator.token, { ...chart, name: ownedGroup })).status).toBe(201);
  });

  it('reads chart data on the server with only the bound series', async () => {
    const data = await loadSharedChartData({ kind: 'kafka_group', cluster_id: 'test', name: uniqueName('absent'), group: null, range: '1h', series: ['members'] });
    expect(data).toMatchObject({ unavailable: false, points: [] });
    expect(data.toMs - data.fromMs).toBe(3_600_000);
    const unknownCluster = await loadSharedChartData({ kind: 'kafka_group', cluster_id: 'gone', name: 'x', group: null, range: '1h', series: ['members'] });
    expect(unknownCluster).toMatchObject({ unavailable: true, points: [] });
  });
});
