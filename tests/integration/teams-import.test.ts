import { beforeAll, describe, expect, it } from 'vitest';
import * as exportRoute from '@/app/api/v1/teams/export/route';
import * as importRoute from '@/app/api/v1/teams/import/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import type { ImportReport } from '@/lib/teams/import-teams';
import type { TeamFile } from '@/lib/teams/team-file';
import { callRoute } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

async function createUserWithToken(role: Role) {
  const { user } = await upsertUser({ username: uniqueName(`import-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return { ...user, token };
}

describe('team import and export', () => {
  let adminToken: string;
  let alice: string;
  let bob: string;
  const payments = uniqueName('import-payments');
  const shipping = uniqueName('import-shipping');

  const importFile = (file: unknown, query = '', token = adminToken) =>
    callRoute(importRoute.POST, { path: `/api/v1/teams/import${query}`, params: {}, token, method: 'POST', body: file });
  const exportFile = async (): Promise<TeamFile> =>
    (await callRoute(exportRoute.GET, { path: '/api/v1/teams/export', params: {}, token: adminToken })).body as TeamFile;
  const exportedTeam = async (name: string) => (await exportFile()).teams.find((team) => team.name === name);

  beforeAll(async () => {
    await prepareTestDatabase();
    adminToken = (await createUserWithToken('admin')).token;
    alice = (await createUserWithToken('viewer')).username;
    bob = (await createUserWithToken('viewer')).username;
  });

  it('creates the teams of a file and reports what changed', async () => {
    const response = await importFile({
      teams: [
        { name: payments, members: [alice], patterns: [{ kind: 'kafka_group', pattern: 'payments-*' }], thresholds: { slo_threshold_p95_lag: 100 } },
        { name: shipping, members: [], patterns: [{ kind: 'redis_stream', pattern: 'events:ship*' }] },
      ],
    });
    expect(response.status).toBe(200);
    const report = response.body as ImportReport;
    expect(report).toMatchObject({ dry_run: false, created: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(report.teams[0]).toEqual({
      name: payments, action: 'created', members_added: [alice], members_removed: [],
      patterns_added: [{ kind: 'kafka_group', pattern: 'payments-*', cluster_id: null }], patterns_removed: [],
      thresholds_changed: ['slo_threshold_p95_lag'],
    });
    expect(await exportedTeam(payments)).toMatchObject({ members: [alice], thresholds: { slo_threshold_p95_lag: 100 } });
  });

  it('re-imports its own export as unchanged', async () => {
    const exported = await exportFile();
    const report = (await importFile(exported)).body as ImportReport;
    expect(report.created + report.updated + report.deleted).toBe(0);
    expect(report.unchanged).toBe(exported.teams.length);
  });

  it('makes listed teams match the file, and previews with dry_run without writing', async () => {
    const file = { teams: [{ name: payments, members: [bob], patterns: [{ kind: 'kafka_group', pattern: 'payments-*', cluster_id: 'test' }] }] };
    const preview = (await importFile(file, '?dry_run=true')).body as ImportReport;
    expect(preview).toMatchObject({ dry_run: true, updated: 1 });
    expect(preview.teams[0]).toMatchObject({
      members_added: [bob], members_removed: [alice],
      patterns_added: [{ kind: 'kafka_group', pattern: 'payments-*', cluster_id: 'test' }],
      patterns_removed: [{ kind: 'kafka_group', pattern: 'payments-*', cluster_id: null }],
      thresholds_changed: ['slo_threshold_p95_lag'],
    });
    expect((await exportedTeam(payments))?.members).toEqual([alice]);

    const applied = (await importFile(file)).body as ImportReport;
    expect(applied).toMatchObject({ dry_run: false, updated: 1 });
    expect(await exportedTeam(payments)).toMatchObject({
      members: [bob], patterns: [{ kind: 'kafka_group', pattern: 'payments-*', cluster_id: 'test' }], thresholds: { slo_threshold_p95_lag: null },
    });
  });

  it('changes nothing when one entry is bad (an unknown user in the second team)', async () => {
    const before = await exportFile();
    const newTeam = uniqueName('import-new');
    const response = await importFile({
      teams: [
        { name: newTeam, members: [alice], patterns: [] },
        { name: payments, members: [bob, 'no-such-user-anywhere'], patterns: [] },
      ],
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('no-such-user-anywhere');
    expect(await exportFile()).toEqual(before);
  });

  it('refuses malformed files with the path of the problem, and non-admins', async () => {
    const badKind = await importFile({ teams: [{ name: 'x', members: [], patterns: [{ kind: 'kafka_cluster', pattern: '*' }] }] });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('teams.0.patterns.0.kind');
    expect((await importFile({ teams: [{ name: 'x', members: [], patterns: [], treshold: {} }] })).status).toBe(400);
    expect((await importFile({ teams: [{ name: 'twice', members: [], patterns: [] }, { name: 'twice', members: [], patterns: [] }] })).status).toBe(400);
    const operatorToken = (await createUserWithToken('operator')).token;
    expect((await importFile({ teams: [] }, '', operatorToken)).status).toBe(403);
    expect((await callRoute(exportRoute.GET, { path: '/api/v1/teams/export', params: {}, token: operatorToken })).status).toBe(403);
  });

  it('deletes the teams a file leaves out only with prune', async () => {
    const keepOnly = { teams: [{ name: shipping, members: [], patterns: [{ kind: 'redis_stream', pattern: 'events:ship*' }] }] };
    expect(((await importFile(keepOnly)).body as ImportReport).deleted).toBe(0);
    expect(await exportedTeam(payments)).toBeDefined();
    const pruned = (await importFile(keepOnly, '?prune=true')).body as ImportReport;
    expect(pruned.deleted_teams).toContain(payments);
    expect(await exportedTeam(payments)).toBeUndefined();
    expect((await exportFile()).teams.map((team) => team.name)).toEqual([shipping]);
  });
});
