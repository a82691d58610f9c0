import { beforeAll, describe, expect, it } from 'vitest';
import * as teamsRoute from '@/app/api/v1/teams/route';
import * as teamRoute from '@/app/api/v1/teams/[team_id]/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import type { TeamJson } from '@/lib/teams/team-record';
import { callRoute } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

async function createUserWithToken(role: Role) {
  const { user } = await upsertUser({ username: uniqueName(`teams-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return { ...user, token };
}

type User = Awaited<ReturnType<typeof createUserWithToken>>;

const listTeams = (token: string) => callRoute(teamsRoute.GET, { path: '/api/v1/teams', params: {}, token });
const getTeam = (token: string, teamId: string) => callRoute(teamRoute.GET, { path: `/api/v1/teams/${teamId}`, params: { team_id: teamId }, token });
const patchTeam = (token: string, teamId: string, body: unknown) =>
  callRoute(teamRoute.PATCH, { path: `/api/v1/teams/${teamId}`, params: { team_id: teamId }, token, method: 'PATCH', body });

describe('teams API', () => {
  let admin: User;
  let operator: User;
  let member: User;
  let outsider: User;
  let team: TeamJson;

  beforeAll(async () => {
    await prepareTestDatabase();
    [admin, operator, member, outsider] = await Promise.all([
      createUserWithToken('admin'), createUserWithToken('operator'), createUserWithToken('viewer'), createUserWithToken('viewer'),
    ]);
    const created = await callRoute(teamsRoute.POST, {
      path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST',
      body: {
        name: uniqueName('payments'),
        members: [member.username],
        patterns: [
          { kind: 'kafka_group', pattern: 'payments-*' },
          { kind: 'kafka_group', pattern: 'payments-*' },
          { kind: 'kafka_topic', pattern: 'payments.*', cluster_id: 'test' },
        ],
        thresholds: { slo_threshold_p95_lag: 250 },
      },
    });
    expect(created.status).toBe(201);
    team = created.body as TeamJson;
  });

  it('creates a team with members, de-duplicated patterns and thresholds', () => {
    expect(team.members).toEqual([{ user_id: member.id, username: member.username }]);
    expect(team.patterns.map(({ kind, pattern, cluster_id }) => ({ kind, pattern, cluster_id }))).toEqual([
      { kind: 'kafka_group', pattern: 'payments-*', cluster_id: null },
      { kind: 'kafka_topic', pattern: 'payments.*', cluster_id: 'test' },
    ]);
    expect(team.thresholds).toEqual({
      slo_threshold_p95_lag: 250, slo_compliance_min: null, fairness_gini_max: null,
      rebalance_score_min: null, stream_lag_degraded: null, stream_lag_unhealthy: null,
    });
  });

  it('lets only admins write', async () => {
    for (const user of [operator, member]) {
      const response = await callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: user.token, method: 'POST', body: { name: uniqueName('nope') } });
      expect(response.status).toBe(403);
      expect((await patchTeam(user.token, team.id, { name: 'taken over' })).status).toBe(403);
    }
  });

  it('shows admins every team, members their own teams, and others nothing of them (404, not 403)', async () => {
    expect(((await listTeams(admin.token)).body as { teams: TeamJson[] }).teams.map((entry) => entry.id)).toContain(team.id);
    expect(((await listTeams(member.token)).body as { teams: TeamJson[] }).teams.map((entry) => entry.id)).toEqual([team.id]);
    expect(((await listTeams(outsider.token)).body as { teams: TeamJson[] }).teams).toEqual([]);
    expect((await getTeam(member.token, team.id)).status).toBe(200);
    const hidden = await getTeam(outsider.token, team.id);
    expect(hidden.status).toBe(404);
    const missing = await getTeam(outsider.token, 'no-such-team');
    // Same answer as for a team that does not exist: a team id reveals nothing to outsiders.
    expect(missing.status).toBe(404);
    expect((hidden.body as { error: { code: string } }).error.code).toBe((missing.body as { error: { code: string } }).error.code);
  });

  it('renames, changes thresholds, and adds and removes patterns and members in one PATCH', async () => {
    const kafkaGroupPattern = team.patterns.find((rule) => rule.kind === 'kafka_group');
    const newName = uniqueName('payments-renamed');
    const response = await patchTeam(admin.token, team.id, {
      name: newName,
      thresholds: { slo_threshold_p95_lag: null, fairness_gini_max: 0.25 },
      patterns: { add: [{ kind: 'redis_stream', pattern: 'events:pay*' }], remove: [kafkaGroupPattern?.id] },
      members: { add: [outsider.username], remove: [member.username] },
    });
    expect(response.status).toBe(200);
    const updated = response.body as TeamJson;
    expect(updated.name).toBe(newName);
    expect(updated.thresholds).toMatchObject({ slo_threshold_p95_lag: null, fairness_gini_max: 0.25 });
    expect(updated.patterns.map((rule) => rule.pattern).sort()).toEqual(['events:pay*', 'payments.*']);
    expect(updated.members.map((entry) => entry.username)).toEqual([outsider.username]);
    team = updated;
  });

  it('refuses unknown users, bad patterns and clashing names, changing nothing', async () => {
    const unknownUser = await patchTeam(admin.token, team.id, { name: uniqueName('x'), members: { add: ['nobody-by-this-name'] } });
    expect(unknownUser.status).toBe(400);
    expect(JSON.stringify(unknownUser.body)).toContain('nobody-by-this-name');
    const redisWithCluster = await patchTeam(admin.token, team.id, { patterns: { add: [{ kind: 'redis_stream', pattern: 'x', cluster_id: 'test' }] } });
    expect(redisWithCluster.status).toBe(400);
    const other = await callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST', body: { name: uniqueName('other') } });
    const clash = await patchTeam(admin.token, (other.body as TeamJson).id, { name: team.name });
    expect(clash.status).toBe(400);
    const duplicate = await callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST', body: { name: team.name } });
    expect(duplicate.status).toBe(400);
    expect((await getTeam(admin.token, team.id)).body).toEqual(team);
  });

  it('deletes a team, then answers 404 for it', async () => {
    const deleted = await callRoute(teamRoute.DELETE, { path: `/api/v1/teams/${team.id}`, params: { team_id: team.id }, token: admin.token, method: 'DELETE' });
    expect(deleted).toMatchObject({ status: 200, body: { deleted: true, id: team.id } });
    expect((await getTeam(admin.token, team.id)).status).toBe(404);
    const again = await callRoute(teamRoute.DELETE, { path: `/api/v1/teams/${team.id}`, params: { team_id: team.id }, token: admin.token, method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});
