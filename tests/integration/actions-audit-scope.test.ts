import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as teamsRoute from '@/app/api/v1/teams/route';
import { POST as resetRoute } from '@/app/api/v1/consumers/groups/[group_id]/offsets/reset/route';
import { GET as auditRoute } from '@/app/api/v1/audit/route';
import type { AuditListResponse } from '@/lib/actions/api-schemas';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Role } from '@/lib/auth/roles';
import { upsertUser } from '@/lib/auth/users';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { callRoute } from '../support/api-client';
import { describeWithKafkaTool } from '../support/kafka-tool';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// Who sees which audit entries: an operator those of their teams' (and unowned) groups, an admin
// all; another team's group cannot be acted on (404, as it cannot be read).

const prefix = uniqueName('audit-scope');
const topic = `${prefix}-orders`;
const groupA = `${prefix}-a-billing`;
const groupB = `${prefix}-b-billing`;
const tokens: Record<'admin' | 'operatorA' | 'operatorB', string> = { admin: '', operatorA: '', operatorB: '' };
const usernames: Record<string, string> = {};

async function createUser(label: string, role: Role): Promise<string> {
  const { user } = await upsertUser({ username: uniqueName(label), password: 'integration-password', role });
  usernames[label] = user.username;
  return (await createApiToken(user.id, 'integration')).token;
}

const reset = (groupId: string, token: string, to: unknown = { latest: true }) => callRoute(resetRoute, {
  path: `/api/v1/consumers/groups/${encodeURIComponent(groupId)}/offsets/reset?cluster_id=test`, params: { group_id: groupId }, token, method: 'POST',
  body: { topic, to, dry_run: false },
});

async function auditGroups(token: string): Promise<string[]> {
  const response = await callRoute(auditRoute, { path: `/api/v1/audit?action=kafka.offsets.reset&limit=500`, params: {}, token });
  expect(response.status).toBe(200);
  return (response.body as AuditListResponse).entries.map((entry) => entry.group_id ?? '').filter((groupId) => groupId.startsWith(prefix));
}

beforeAll(async () => {
  tokens.admin = await createUser('scope-admin', 'admin');
  tokens.operatorA = await createUser('scope-operator-a', 'operator');
  tokens.operatorB = await createUser('scope-operator-b', 'operator');
  const create = (body: unknown) => callRoute(teamsRoute.POST, { path: '/api/v1/teams', params: {}, token: tokens.admin, method: 'POST', body });
  expect((await create({ name: uniqueName('team-a'), members: [usernames['scope-operator-a']], patterns: [{ kind: 'kafka_group', pattern: `${prefix}-a-*` }] })).status).toBe(201);
  expect((await create({ name: uniqueName('team-b'), members: [usernames['scope-operator-b']], patterns: [{ kind: 'kafka_group', pattern: `${prefix}-b-*` }] })).status).toBe(201);
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 1 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 10, partition: 0 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupA, [{ topic, partition: 0, offset: 1 }]);
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupB, [{ topic, partition: 0, offset: 2 }]);
}, 120_000);

afterAll(async () => {
  await closeKafkaConnections();
});

describe('audit log scope', () => {
  it('an operator acts on their team’s group only; another team’s group answers 404 and stays unchanged', async () => {
    expect((await reset(groupA, tokens.operatorA)).status).toBe(200);
    expect((await reset(groupB, tokens.operatorB)).status).toBe(200);
    // Team B's operator tries to rewind team A's group to the start: refused, A stays at the log end.
    const refused = await reset(groupA, tokens.operatorB, { earliest: true });
    expect(refused.status).toBe(404);
    const rows = await describeWithKafkaTool([groupA, groupB]);
    expect(rows.map((row) => [row.GROUP, row['CURRENT-OFFSET']]).sort()).toEqual([[groupA, '10'], [groupB, '10']].sort());
  });

  it('operators see their teams’ entries, admins every entry', async () => {
    expect(await auditGroups(tokens.operatorA)).toEqual([groupA]);
    expect(await auditGroups(tokens.operatorB)).toEqual([groupB]);
    expect((await auditGroups(tokens.admin)).sort()).toEqual([groupA, groupB].sort());
  });
});
