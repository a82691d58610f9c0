import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as teamsRoute from '@/app/api/v1/teams/route';
import { ApiError } from '@/lib/api/errors';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Principal } from '@/lib/auth/principal';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config';
import { filterByTeamScope } from '@/lib/teams/team-scope';
import { ownershipResolver, teamsForResource, thresholdsForResource } from '@/lib/teams/teams-for-resource';
import * as listGroupsRoute from '@/app/api/v1/consumers/groups/route';
import * as groupHealthRoute from '@/app/api/v1/consumers/groups/[group_id]/health/route';
import type { GroupListWithTimeLagJson } from '@/lib/consumers/merge-time-lags';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { testKafkaBrokers } from '../support/test-env';
import { assertCanView, visibleTeamScope } from '@/lib/teams/visibility';
import { callRoute } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

async function createPrincipal(role: Role): Promise<Principal & { token: string }> {
  const { user } = await upsertUser({ username: uniqueName(`visibility-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return { userId: user.id, username: user.username, role, via: 'token', token };
}

describe('team visibility and thresholds', () => {
  // Unique prefixes keep this file's patterns from owning other tests' resources.
  const prefix = uniqueName('vis');
  const groupA = `${prefix}-a-orders`;
  const groupB = `${prefix}-b-orders`;
  const unowned = `${prefix}-nobody`;
  const teamBName = uniqueName('team-b');
  let admin: Principal & { token: string };
  let viewerA: Principal & { token: string };
  let viewerB: Principal & { token: string };

  beforeAll(async () => {
    await prepareTestDatabase();
    [admin, viewerA, viewerB] = await Promise.all([createPrincipal('admin'), createPrincipal('viewer'), createPrincipal('viewer')]);
    const create = (body: unknown) => callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: admin.token, method: 'POST', body });
    expect((await create({
      name: uniqueName('team-a'), members: [viewerA.username],
      patterns: [{ kind: 'kafka_group', pattern: `${prefix}-a-*` }, { kind: 'redis_stream', pattern: `${prefix}:a:*` }],
      thresholds: { slo_threshold_p95_lag: 500 },
    })).status).toBe(201);
    expect((await create({
      name: teamBName, members: [viewerB.username],
      patterns: [{ kind: 'kafka_group', pattern: `${prefix}-b-*`, cluster_id: 'test' }, { kind: 'kafka_group', pattern: groupB }],
      thresholds: { slo_threshold_p95_lag: 50, fairness_gini_max: 0.1 },
    })).status).toBe(201);
  });

  it('answers 404 to a viewer of team A asking for team B\'s group', async () => {
    const refusal = assertCanView(viewerA, 'kafka_group', groupB, 'test');
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(assertCanView(viewerB, 'kafka_group', groupA, 'test')).rejects.toMatchObject({ status: 404 });
  });

  it('lets members see their own resources and unowned ones, and admins everything', async () => {
    await expect(assertCanView(viewerA, 'kafka_group', groupA, 'test')).resolves.toBeUndefined();
    await expect(assertCanView(viewerA, 'kafka_group', unowned, 'test')).resolves.toBeUndefined();
    await expect(assertCanView(viewerA, 'redis_stream', `${prefix}:a:chat`, null)).resolves.toBeUndefined();
    await expect(assertCanView(admin, 'kafka_group', groupB, 'test')).resolves.toBeUndefined();
  });

  it('filters a list by the caller\'s scope', async () => {
    const groups = [groupA, groupB, unowned].map((groupId) => ({ group_id: groupId }));
    const visibleTo = async (principal: Principal) =>
      filterByTeamScope(groups, 'kafka_group', (group) => group.group_id, await visibleTeamScope(principal), 'test').map((group) => group.group_id);
    expect(await visibleTo(viewerA)).toEqual([groupA, unowned]);
    expect(await visibleTo(viewerB)).toEqual([groupB, unowned]);
    expect(await visibleTo(admin)).toEqual([groupA, groupB, unowned]);
  });

  it('finds the owners of a resource and resolves their thresholds over the global ones', async () => {
    const owners = await teamsForResource('kafka_group', groupB, 'test');
    expect(owners).toHaveLength(1);
    expect(owners[0]?.specificity).toEqual([1, groupB.length, 0]);
    const resolved = await thresholdsForResource('kafka_group', groupB, 'test');
    expect(resolved.thresholds).toMatchObject({ sloThresholdP95Lag: 50, fairnessGiniMax: 0.1, sloComplianceMin: getConfig().thresholds.sloComplianceMin });
    expect((await thresholdsForResource('kafka_group', unowned, 'test')).thresholds).toEqual(getConfig().thresholds);
    expect((await thresholdsForResource('kafka_group', groupA, 'test')).thresholds.sloThresholdP95Lag).toBe(500);
  });

  it('resolves owners and thresholds of many resources in memory as the one-by-one lookups do', async () => {
    const resolve = await ownershipResolver('kafka_group', 'test');
    for (const groupId of [groupA, groupB, unowned]) {
      const expectedTeams = (await teamsForResource('kafka_group', groupId, 'test')).map((match) => match.team.name).sort();
      expect(resolve(groupId)).toEqual({ teamNames: expectedTeams, thresholds: (await thresholdsForResource('kafka_group', groupId, 'test')).thresholds });
    }
    expect(resolve(groupB).teamNames).toEqual([teamBName]);
    expect(resolve(unowned).teamNames).toEqual([]);
  });

  it('judges the SLO of a group in the groups list with its team\'s threshold, as the health API does', { timeout: 60_000 }, async () => {
    const topic = `${prefix}-list-topic`;
    await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 200, partition: 0 });
    await produceMessages({ brokers: testKafkaBrokers, topic, count: 200, partition: 1 });
    // Lags 100 and 10: team B's threshold 50 is missed by one partition; the global 1,000 would be met.
    await commitOffsetsWithoutMembers(testKafkaBrokers, groupB, [{ topic, partition: 0, offset: 100 }, { topic, partition: 1, offset: 190 }]);
    await commitOffsetsWithoutMembers(testKafkaBrokers, unowned, [{ topic, partition: 0, offset: 100 }, { topic, partition: 1, offset: 190 }]);

    const list = await callRoute(listGroupsRoute.GET, { path: '/api/v1/consumers/groups?cluster_id=test', params: {}, token: admin.token });
    expect(list.status).toBe(200);
    const groups = (list.body as GroupListWithTimeLagJson).groups;
    expect(groups.find((group) => group.group_id === groupB)).toMatchObject({ teams: [teamBName], slo_compliance: 0.5, slo_met: false, total_lag: 110 });
    expect(groups.find((group) => group.group_id === unowned)).toMatchObject({ teams: [], slo_compliance: 1, slo_met: true, total_lag: 110 });

    const health = await callRoute(groupHealthRoute.GET, {
      path: `/api/v1/consumers/groups/${encodeURIComponent(groupB)}/health?cluster_id=test`, params: { group_id: groupB }, token: admin.token,
    });
    expect(health.body).toMatchObject({ slo_compliance: 0.5, thresholds: { slo_threshold_lag: 50 } });
  });
});

afterAll(async () => {
  await closeKafkaConnections();
});
