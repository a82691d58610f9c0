import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as listRoute from '@/app/api/v1/alerts/route';
import * as detailRoute from '@/app/api/v1/alerts/[alert_id]/route';
import * as acknowledgeRoute from '@/app/api/v1/alerts/[alert_id]/acknowledge/route';
import * as silenceRoute from '@/app/api/v1/alerts/[alert_id]/silence/route';
import * as rulesRoute from '@/app/api/v1/alert-rules/route';
import * as teamsRoute from '@/app/api/v1/teams/route';
import { evaluateSnapshotAlerts } from '@/lib/alerts/evaluate-snapshot';
import { healthyFacts } from '@/lib/alerts/test-fixtures';
import type { AlertJson } from '@/lib/alerts/api-schemas';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Role } from '@/lib/auth/roles';
import { upsertUser } from '@/lib/auth/users';
import { getDb } from '@/lib/db';
import { callRoute } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

// The alerts API on the real database: scope by team, filters, detail with events,
// acknowledge and silence with their events, and the roles each write needs.

const prefix = uniqueName('alert-api');
const clusterId = uniqueName('api-cluster');
const groupA = `${prefix}-a-orders`;
const groupB = `${prefix}-b-orders`;
let admin: string;
let viewerA: string;
let operatorA: { token: string; username: string };
let teamAId: string;

async function principal(role: Role) {
  const { user } = await upsertUser({ username: uniqueName(`alerts-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return { token, username: user.username };
}

const list = (token: string, query = '') => callRoute(listRoute.GET, { path: `/api/v1/alerts?cluster_id=${clusterId}${query}`, params: {}, token });
const alertsIn = (body: unknown) => (body as { alerts: AlertJson[] }).alerts;
const alertIds = (body: unknown) => alertsIn(body).map((alert) => alert.group_id);
const act = (route: typeof acknowledgeRoute.POST, action: string, alertId: string, token: string, body: unknown = {}) =>
  callRoute(route, { path: `/api/v1/alerts/${alertId}/${action}`, params: { alert_id: alertId }, token, method: 'POST', body });

beforeAll(async () => {
  await prepareTestDatabase();
  const adminPrincipal = await principal('admin');
  admin = adminPrincipal.token;
  const viewer = await principal('viewer');
  viewerA = viewer.token;
  operatorA = await principal('operator');
  const created = await callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: admin, method: 'POST', body: {
    name: uniqueName('alerts-team-a'), members: [viewer.username, operatorA.username], patterns: [{ kind: 'kafka_group', pattern: `${prefix}-a-*` }],
  } });
  expect(created.status).toBe(201);
  teamAId = (created.body as { id: string }).id;
  expect((await callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: admin, method: 'POST', body: {
    name: uniqueName('alerts-team-b'), patterns: [{ kind: 'kafka_group', pattern: `${prefix}-b-*` }],
  } })).status).toBe(201);
  const groups = [healthyFacts({ groupId: groupA, topics: [], stuckCount: 1 }), healthyFacts({ groupId: groupB, topics: [], stuckCount: 2, rebalanced: true })];
  const results = await evaluateSnapshotAlerts(await getDb(), [{ kind: 'kafka', clusterId, evaluatedAtMs: Date.now(), unreachableReason: null, groups }]);
  expect(results.get(`kafka:${clusterId}`)).toMatchObject({ opened: 3, fired: 3 });
});

afterAll(async () => {
  await (await getDb()).alert.deleteMany({ where: { clusterId } });
});

describe('alerts API', () => {
  it('an admin sees every alert; a member of team A only team A\'s; both with the owning team ids', async () => {
    const all = await list(admin);
    expect(all.status).toBe(200);
    expect(alertIds(all.body).sort()).toEqual([groupA, groupB, groupB].sort());
    const mine = await list(viewerA);
    expect(alertIds(mine.body)).toEqual([groupA]);
    expect((mine.body as { alerts: AlertJson[] }).alerts[0]).toMatchObject({
      rule_id: 'kafka.stuck_partitions', state: 'firing', value: 1, team_ids: [teamAId],
      link: `/clusters/${clusterId}/groups/${groupA}`,
    });
    expect(mine.body).toMatchObject({ counts: { firing: 1, pending: 0 } });
  });

  it('filters by severity, rule, team and state', async () => {
    expect(alertIds((await list(admin, '&severity=info')).body)).toEqual([groupB]);
    expect(alertIds((await list(admin, '&rule=kafka.rebalanced')).body)).toEqual([groupB]);
    expect(alertIds((await list(admin, `&team=${teamAId}`)).body)).toEqual([groupA]);
    expect(alertIds((await list(admin, '&state=resolved')).body)).toEqual([]);
    const bad = await list(admin, '&state=burning');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('detail has the events; another team\'s alert answers 404', async () => {
    const [alertB] = alertsIn((await list(admin, '&rule=kafka.stuck_partitions')).body).filter((alert) => alert.group_id === groupB);
    const detail = await callRoute(detailRoute.GET, { path: `/api/v1/alerts/${alertB!.id}`, params: { alert_id: alertB!.id }, token: admin });
    expect(detail.body).toMatchObject({ id: alertB!.id, events: [{ kind: 'firing', value: 2, actor: null }] });
    const hidden = await callRoute(detailRoute.GET, { path: `/api/v1/alerts/${alertB!.id}`, params: { alert_id: alertB!.id }, token: viewerA });
    expect(hidden.status).toBe(404);
    expect((await act(acknowledgeRoute.POST, 'acknowledge', alertB!.id, operatorA.token)).status).toBe(404);
    const unknown = await callRoute(detailRoute.GET, { path: '/api/v1/alerts/nope', params: { alert_id: 'nope' }, token: admin });
    expect(unknown.status).toBe(404);
  });

  it('acknowledge and silence: operators only, each recorded with its actor', async () => {
    const [alertA] = alertsIn((await list(viewerA)).body);
    expect((await act(acknowledgeRoute.POST, 'acknowledge', alertA!.id, viewerA)).status).toBe(403);
    expect((await act(silenceRoute.POST, 'silence', alertA!.id, viewerA, { duration_minutes: 60 })).status).toBe(403);

    const acknowledged = await act(acknowledgeRoute.POST, 'acknowledge', alertA!.id, operatorA.token);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ acknowledged_by: operatorA.username, events: [{ kind: 'firing' }, { kind: 'acknowledged', actor: operatorA.username }] });
    // A second acknowledgement keeps the first and writes no event.
    const again = await act(acknowledgeRoute.POST, 'acknowledge', alertA!.id, operatorA.token);
    expect((again.body as { events: unknown[] }).events).toHaveLength(2);

    const before = Date.now();
    const silenced = await act(silenceRoute.POST, 'silence', alertA!.id, operatorA.token, { duration_minutes: 90 });
    expect(silenced.status).toBe(200);
    const silencedUntil = Date.parse((silenced.body as AlertJson).silenced_until ?? '');
    expect(silencedUntil).toBeGreaterThanOrEqual(before + 90 * 60_000);
    expect(silencedUntil).toBeLessThan(before + 91 * 60_000);
    expect(silenced.body).toMatchObject({ silenced_by: operatorA.username, events: [{ kind: 'firing' }, { kind: 'acknowledged' }, { kind: 'silenced', actor: operatorA.username }] });

    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await act(silenceRoute.POST, 'silence', alertA!.id, operatorA.token, { until })).body).toMatchObject({ silenced_until: until });
    expect((await act(silenceRoute.POST, 'silence', alertA!.id, operatorA.token, { until: '2001-01-01T00:00:00Z' })).status).toBe(400);
    expect((await act(silenceRoute.POST, 'silence', alertA!.id, operatorA.token, { duration_minutes: 0 })).status).toBe(400);
    expect((await act(silenceRoute.POST, 'silence', alertA!.id, operatorA.token, { until: 'tomorrow' })).status).toBe(400);
  });

  it('a resolved alert cannot be acknowledged (409)', async () => {
    await evaluateSnapshotAlerts(await getDb(), [{ kind: 'kafka', clusterId, evaluatedAtMs: Date.now(), unreachableReason: null, groups: [] }]);
    const [resolved] = alertsIn((await list(admin, '&state=resolved&rule=kafka.stuck_partitions')).body);
    expect(resolved).toBeDefined();
    const refused = await act(acknowledgeRoute.POST, 'acknowledge', resolved!.id, admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'conflict' } });
  });

  it('the rules list shows defaults from the configuration to any signed-in user', async () => {
    const rules = await callRoute(rulesRoute.GET, { path: '/api/v1/alert-rules', params: {}, token: viewerA });
    expect(rules.status).toBe(200);
    const slo = (rules.body as { rules: Array<{ rule_id: string; built_in: unknown }> }).rules.find((rule) => rule.rule_id === 'kafka.slo_violation');
    expect(slo?.built_in).toEqual({ enabled: true, severity: 'critical', threshold: 0.95, for_seconds: 300 });
  });
});
