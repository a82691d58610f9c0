import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ruleRoute from '@/app/api/v1/alert-rules/[rule_id]/route';
import * as overrideRoute from '@/app/api/v1/alert-rules/[rule_id]/overrides/[scope]/[target]/route';
import { evaluateSnapshotAlerts } from '@/lib/alerts/evaluate-snapshot';
import { ManualClock } from '@/lib/collector/clock';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { createGroup, createStreamWithEntries, readWithoutAck } from '@/lib/redis/workload';
import { healthyFacts } from '@/lib/alerts/test-fixtures';
import { callRoute, createTestToken } from '../support/api-client';
import { prepareTestDatabase } from '../support/database';
import { describeWithKafkaTool } from '../support/kafka-tool';
import { cliState } from '../support/redis-cli';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName } from '../support/test-env';

// Alerts from real snapshots: the collector observes the suite's broker and Redis, analyses, writes
// the snapshot to PostgreSQL and evaluates the rules; the alerts and their events are read back.

const clusterId = 'test';
const topic = uniqueName('alert-topic');
const lagging = uniqueName('alert-lagging');
const stream = `${uniqueName('alerts')}:events`;
const redis = new Redis(testRedisUrl);
const t0 = Date.UTC(2026, 10, 23, 12);
let database: Database;
let adminToken: string;

const alertsOf = (groupId: string, ruleId: string) =>
  database.prisma.alert.findMany({ where: { groupId, ruleId }, include: { events: { orderBy: { id: 'asc' } } }, orderBy: { pendingSince: 'asc' } });

async function putOverride(ruleId: string, scope: string, target: string, body: unknown) {
  const path = `/api/v1/alert-rules/${ruleId}/overrides/${scope}/${encodeURIComponent(target)}`;
  return callRoute(overrideRoute.PUT, { path, params: { rule_id: ruleId, scope, target }, token: adminToken, method: 'PUT', body });
}

beforeAll(async () => {
  await prepareTestDatabase();
  database = createDatabase({ databaseUrl: testDatabaseUrl });
  adminToken = await createTestToken('admin');
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 3000, partition: 0 });
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 10, partition: 1 });
  // Partition 0 is 3,000 behind (over the 1,000-message SLO lag), partition 1 caught up: compliance 50 %.
  await commitOffsetsWithoutMembers(testKafkaBrokers, lagging, [{ topic, partition: 0, offset: 0 }, { topic, partition: 1, offset: 10 }]);
  await createStreamWithEntries(redis, stream, 8);
  await createGroup(redis, stream, 'workers', '0');
  await readWithoutAck(redis, stream, 'workers', 'never-acks', 5);
});

afterAll(async () => {
  await database?.close();
  await redis.del(stream);
  redis.disconnect();
  await closeKafkaConnections();
});

describe('alert evaluation after each snapshot', () => {
  it('a lagging group opens pending, fires after its duration, stays one incident, resolves when it catches up', { timeout: 120_000 }, async () => {
    // A short duration through the API, for this topic only: the rule's default stays 5 minutes.
    expect((await putOverride('kafka.slo_violation', 'topic', topic, { for_seconds: 30 })).status).toBe(200);
    const clock = new ManualClock(t0);
    const collector = testCollector({ database: async () => database.prisma, clock, clusters: [{ id: clusterId, brokers: testKafkaBrokers }] });

    await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader' });
    let [alert, ...others] = await alertsOf(lagging, 'kafka.slo_violation');
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ state: 'pending', value: 0.5, threshold: 0.95, unit: 'ratio', source: `kafka:${clusterId}`, clusterId, firingSince: null });
    expect(alert?.events).toEqual([]);
    // The figure agrees with Kafka's own tool: one of the two partitions is under 1,000 messages behind.
    const rows = await describeWithKafkaTool([lagging]);
    const underThreshold = rows.filter((row) => Number(row.LAG) < 1000).length;
    expect(underThreshold / rows.length).toBe(alert?.value);

    clock.advance(10_000);
    await collector.runOnce();
    [alert, ...others] = await alertsOf(lagging, 'kafka.slo_violation');
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ state: 'pending', events: [] });
    // Still breached: its figures were rewritten by this evaluation, its start kept.
    expect(alert?.lastEvaluatedAt.getTime()).toBe(t0 + 10_000);
    expect(alert?.pendingSince.getTime()).toBe(t0);

    clock.advance(20_000);
    await collector.runOnce();
    [alert, ...others] = await alertsOf(lagging, 'kafka.slo_violation');
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ state: 'firing', key: `kafka.slo_violation|kafka:${clusterId}|group:${lagging}` });
    expect(alert?.firingSince?.getTime()).toBe(t0 + 30_000);
    expect(alert?.events.map((event) => [event.kind, event.value])).toEqual([['firing', 0.5]]);

    await commitOffsetsWithoutMembers(testKafkaBrokers, lagging, [{ topic, partition: 0, offset: 3000 }, { topic, partition: 1, offset: 10 }]);
    clock.advance(10_000);
    await collector.runOnce();
    [alert, ...others] = await alertsOf(lagging, 'kafka.slo_violation');
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ state: 'resolved', peakValue: 0.5 });
    expect(alert?.resolvedAt?.getTime()).toBe(t0 + 40_000);
    expect(alert?.events.map((event) => [event.kind, event.value])).toEqual([['firing', 0.5], ['resolved', 1]]);
    await collector.stop();
  });

  it('a pending alert that clears before its duration never fires and leaves no event', { timeout: 120_000 }, async () => {
    const briefTopic = uniqueName('alert-brief-topic');
    await ensureTopics(testKafkaBrokers, [{ name: briefTopic, partitions: 1 }]);
    await produceMessages({ brokers: testKafkaBrokers, topic: briefTopic, count: 2000, partition: 0 });
    const group = uniqueName('alert-brief-group');
    await commitOffsetsWithoutMembers(testKafkaBrokers, group, [{ topic: briefTopic, partition: 0, offset: 0 }]);
    expect((await putOverride('kafka.slo_violation', 'topic', briefTopic, { for_seconds: 600 })).status).toBe(200);
    const clock = new ManualClock(t0 + 3_600_000);
    const collector = testCollector({ database: async () => database.prisma, clock, clusters: [{ id: clusterId, brokers: testKafkaBrokers }] });
    await collector.runOnce();
    expect(await alertsOf(group, 'kafka.slo_violation')).toMatchObject([{ state: 'pending', events: [] }]);
    await commitOffsetsWithoutMembers(testKafkaBrokers, group, [{ topic: briefTopic, partition: 0, offset: 2000 }]);
    clock.advance(30_000);
    await collector.runOnce();
    expect(await alertsOf(group, 'kafka.slo_violation')).toEqual([]);
    expect(await database.prisma.alertEvent.count({ where: { alert: { groupId: group } } })).toBe(0);
    await collector.stop();
  });

  it('two evaluators of the same snapshot open one incident with one firing event', async () => {
    const groupId = uniqueName('alert-twice');
    const input = { kind: 'kafka' as const, clusterId, evaluatedAtMs: t0, unreachableReason: null, groups: [healthyFacts({ groupId, topics: [], stuckCount: 3 })] };
    const results = await Promise.all([evaluateSnapshotAlerts(database.prisma, [input]), evaluateSnapshotAlerts(database.prisma, [input])]);
    // Neither failed: the loser's insert found the open key and did nothing.
    const applied = results.map((result) => result.get(`kafka:${clusterId}`));
    expect(applied.every((result) => result !== null && result !== undefined)).toBe(true);
    expect(applied.reduce((sum, result) => sum + (result?.opened ?? 0), 0)).toBe(1);
    await evaluateSnapshotAlerts(database.prisma, [{ ...input, evaluatedAtMs: t0 + 1000 }]);
    const alerts = await alertsOf(groupId, 'kafka.stuck_partitions');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'firing', value: 3 });
    expect(alerts[0]?.events.map((event) => event.kind)).toEqual(['firing']);
  });

  it('an unreachable source keeps its group alerts open and opens its own alert after 1 minute', async () => {
    const groupId = uniqueName('alert-outage');
    const source = { kind: 'kafka' as const, clusterId: uniqueName('outage-cluster'), unreachableReason: null };
    await evaluateSnapshotAlerts(database.prisma, [{ ...source, evaluatedAtMs: t0, groups: [healthyFacts({ groupId, topics: [], dataLossCount: 1 })] }]);
    const down = { ...source, unreachableReason: 'connection failed (ECONNREFUSED)', groups: null };
    await evaluateSnapshotAlerts(database.prisma, [{ ...down, evaluatedAtMs: t0 + 30_000 }]);
    await evaluateSnapshotAlerts(database.prisma, [{ ...down, evaluatedAtMs: t0 + 90_000 }]);
    expect(await alertsOf(groupId, 'kafka.records_lost')).toMatchObject([{ state: 'firing' }]);
    const sourceAlerts = await database.prisma.alert.findMany({ where: { source: `kafka:${source.clusterId}`, ruleId: 'kafka.source_unreachable' } });
    expect(sourceAlerts).toMatchObject([{ state: 'firing', summary: `Kafka cluster “${source.clusterId}” is unreachable: connection failed (ECONNREFUSED)` }]);
    // Back, and the group gone: both resolve.
    await evaluateSnapshotAlerts(database.prisma, [{ ...source, evaluatedAtMs: t0 + 120_000, groups: [] }]);
    expect(await alertsOf(groupId, 'kafka.records_lost')).toMatchObject([{ state: 'resolved', events: [{ kind: 'firing' }, { kind: 'resolved', value: null }] }]);
    expect(await database.prisma.alert.count({ where: { source: `kafka:${source.clusterId}`, state: 'firing' } })).toBe(0);
  });

  it('Redis: a consumer holding pending entries fires the pending rule with a stream override, figures as XPENDING says', async () => {
    expect((await putOverride('redis.pending_high', 'stream', stream, { threshold: 2, for_seconds: 0 })).status).toBe(200);
    const clock = new ManualClock(Date.now());
    const collector = testCollector({ database: async () => database.prisma, clock, clusters: [], redis: { client: redis, streams: [stream] } });
    await collector.runOnce();
    const alerts = await database.prisma.alert.findMany({ where: { stream, ruleId: 'redis.pending_high' }, include: { events: true } });
    const state = await cliState(stream, 10);
    const pending = state.groups.find((group) => group.group.name === 'workers')?.summary[0];
    expect(pending).toBe(5);
    expect(alerts).toMatchObject([{ state: 'firing', value: pending, threshold: 2, groupId: 'workers', unit: 'messages', events: [{ kind: 'firing', value: pending }] }]);
    await collector.stop();
  });

  it('works the same on the embedded database (PGlite, the demo\'s): one incident, one firing event, then resolved', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lagboard-alerts-'));
    const embedded = createDatabase({ pgliteDir: folder });
    try {
      await embedded.migrate();
      const groupId = uniqueName('alert-pglite');
      const input = { kind: 'kafka' as const, clusterId, evaluatedAtMs: t0, unreachableReason: null, groups: [healthyFacts({ groupId, topics: [], dataLossCount: 2 })] };
      const [first] = [...(await evaluateSnapshotAlerts(embedded.prisma, [input])).values()];
      expect(first).toMatchObject({ opened: 1, fired: 1 });
      await evaluateSnapshotAlerts(embedded.prisma, [{ ...input, evaluatedAtMs: t0 + 1000 }]);
      await evaluateSnapshotAlerts(embedded.prisma, [{ ...input, evaluatedAtMs: t0 + 2000, groups: [healthyFacts({ groupId, topics: [] })] }]);
      const alerts = await embedded.prisma.alert.findMany({ where: { groupId }, include: { events: { orderBy: { id: 'asc' } } } });
      expect(alerts).toMatchObject([{ state: 'resolved', teamIds: [], value: 0, peakValue: 2, events: [{ kind: 'firing', value: 2 }, { kind: 'resolved', value: 0 }] }]);
    } finally {
      await embedded.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses invalid settings with 400 naming the field', async () => {
    const put = (body: unknown) => callRoute(ruleRoute.PUT, { path: '/api/v1/alert-rules/kafka.slo_violation', params: { rule_id: 'kafka.slo_violation' }, token: adminToken, method: 'PUT', body });
    const tooHigh = await put({ threshold: 1.5 });
    expect(tooHigh.status).toBe(400);
    expect(JSON.stringify(tooHigh.body)).toContain('threshold');
    const negative = await put({ for_seconds: -1 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain('for_seconds');
    expect((await put({ colour: 'red' })).status).toBe(400);
    const unknownTeam = await putOverride('kafka.slo_violation', 'team', 'no-such-team', { threshold: 0.5 });
    expect(unknownTeam.status).toBe(400);
    expect(JSON.stringify(unknownTeam.body)).toContain('target');
    const wrongScope = await putOverride('redis.memory_high', 'stream', 'events:chat', { threshold: 0.5 });
    expect(wrongScope.status).toBe(400);
    expect(JSON.stringify(wrongScope.body)).toContain('scope');
    const unknownRule = await callRoute(ruleRoute.PUT, { path: '/api/v1/alert-rules/nope', params: { rule_id: 'nope' }, token: adminToken, method: 'PUT', body: {} });
    expect(unknownRule.status).toBe(400);
    const viewer = await createTestToken('viewer');
    expect((await callRoute(ruleRoute.PUT, { path: '/api/v1/alert-rules/kafka.slo_violation', params: { rule_id: 'kafka.slo_violation' }, token: viewer, method: 'PUT', body: { threshold: 0.5 } })).status).toBe(403);
  });
});
