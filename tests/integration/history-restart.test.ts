import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupLagsByGroupId, type GroupLag } from '@/lib/analysis';
import { ManualClock } from '@/lib/collector/clock';
import { defaultAnalysisSettings, testCollector } from '@/lib/collector/testing/test-collector';
import { analyzeGroup } from '@/lib/consumers/analyze-group';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { groupWindowPoint } from '@/lib/history/group-window';
import { PersistedGroupHistoryWindow } from '@/lib/history/persisted-window';
import { closeKafkaConnections, observeKafkaCluster, type KafkaClusterObservation } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages, startConsumerMember, type ConsumerMember } from '@/lib/kafka/workload';
import { databaseUrlFor, dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, testKafkaBrokers, uniqueName } from '../support/test-env';

// A dashboard restarted over the same database judges groups as it did before the restart:
// stuck partitions, rebalances and Burrow status come from the persisted window. Real broker:
// a group whose committed offset stays put while records keep arriving (stuck), and a KIP-848
// group that a second member joins and leaves (two rebalances).

const scratchDatabase = `${testDatabaseName}_history_restart`;
const cluster = { id: 'test', brokers: testKafkaBrokers };
const stuckTopic = uniqueName('restart-stuck');
const stuckGroup = uniqueName('restart-stuck-group');
const busyTopic = uniqueName('restart-busy');
const busyGroup = uniqueName('restart-busy-group');
const passIntervalMs = 60_000;
const t0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const settings = defaultAnalysisSettings();
const members: ConsumerMember[] = [];
let database: Database;

async function observe(): Promise<KafkaClusterObservation> {
  return observeKafkaCluster(cluster, { requestTimeoutMs: 5_000 });
}

/** Polls the real cluster until the group is Stable with `memberCount` members. */
async function waitForMembers(groupId: string, memberCount: number): Promise<void> {
  for (let attempt = 0; attempt < 90; attempt += 1) {
    const group = (await observe()).groups.find((candidate) => candidate.groupId === groupId);
    if (group && group.state === 'Stable' && group.members.length === memberCount) return;
    await sleep(500);
  }
  throw new Error(`group ${groupId} did not settle with ${memberCount} members`);
}

/** The verdicts a dashboard gives for a group: window points from `window` plus the current observation. */
async function verdicts(window: PersistedGroupHistoryWindow, current: KafkaClusterObservation, groupId: string) {
  const group = current.groups.find((candidate) => candidate.groupId === groupId);
  const groupLag = groupLagsByGroupId(current).get(groupId) as GroupLag;
  expect(group).toBeDefined();
  const stored = await window.recentPoints(cluster.id, groupId, current.observedAtMs - settings.lookbackMs);
  const points = [...stored, groupWindowPoint(groupLag, group?.generationOrEpoch ?? null, current.observedAtMs)];
  const analysis = analyzeGroup({ group: group as NonNullable<typeof group>, groupLag, points, settings, nowMs: current.observedAtMs });
  return {
    pointCount: points.length,
    status: analysis.burrow.status,
    partitionStatuses: analysis.burrow.partitions.map((partition) => partition.status),
    stuckPartitions: analysis.stuckPartitions,
    rebalanceCount: analysis.rebalanceCount,
    summary: analysis.summary,
  };
}

beforeAll(async () => {
  database = createDatabase({ databaseUrl: await recreateDatabase(scratchDatabase) });
  await database.migrate();
  await ensureTopics(testKafkaBrokers, [{ name: stuckTopic, partitions: 1 }, { name: busyTopic, partitions: 2 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic: stuckTopic, count: 10 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, stuckGroup, [{ topic: stuckTopic, partition: 0, offset: 5 }]);
  members.push(await startConsumerMember({ brokers: testKafkaBrokers, groupId: busyGroup, topics: [busyTopic], groupProtocol: 'consumer' }));
  await waitForMembers(busyGroup, 1);
});

afterAll(async () => {
  await Promise.all(members.map((member) => member.stop()));
  await database?.close();
  await closeKafkaConnections();
  await dropDatabase(scratchDatabase);
});

describe('a restarted dashboard', () => {
  it('gives the same stuck, rebalance and status verdicts from the persisted window', { timeout: 180_000 }, async () => {
    const clock = new ManualClock(t0);
    const collector = testCollector({ database: async () => database.prisma, clock, clusters: [cluster], intervalMs: passIntervalMs });
    for (let pass = 0; pass <= 6; pass += 1) {
      if (pass > 0) await produceMessages({ brokers: testKafkaBrokers, topic: stuckTopic, count: 5 });
      if (pass === 2) {
        members.push(await startConsumerMember({ brokers: testKafkaBrokers, groupId: busyGroup, topics: [busyTopic], groupProtocol: 'consumer' }));
        await waitForMembers(busyGroup, 2);
      }
      if (pass === 4) {
        await members.pop()?.stop();
        await waitForMembers(busyGroup, 1);
      }
      await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader' });
      clock.advance(passIntervalMs);
    }
    await collector.stop();

    // One observation, as a dashboard would make it half an interval after the last snapshot.
    const current = { ...(await observe()), observedAtMs: t0 + 6 * passIntervalMs + 30_000 };
    const before = {
      stuck: await verdicts(new PersistedGroupHistoryWindow(async () => database.prisma), current, stuckGroup),
      busy: await verdicts(new PersistedGroupHistoryWindow(async () => database.prisma), current, busyGroup),
    };
    // Not vacuous: the stuck group is stuck, the busy one rebalanced twice.
    expect(before.stuck.stuckPartitions).toHaveLength(1);
    expect(before.stuck.summary.stuck_count).toBe(1);
    expect(before.busy.rebalanceCount).toBe(2);
    expect(before.busy.summary.rebalance_score).toBe(80);

    // Restart: every client and window is new; only the database remains.
    await database.close();
    database = createDatabase({ databaseUrl: databaseUrlFor(scratchDatabase) });
    const after = {
      stuck: await verdicts(new PersistedGroupHistoryWindow(async () => database.prisma), current, stuckGroup),
      busy: await verdicts(new PersistedGroupHistoryWindow(async () => database.prisma), current, busyGroup),
    };
    expect(after).toEqual(before);

    // The rebalances are also markers of the busy group.
    const [markers] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "HistoryGroupEvent" e JOIN "HistoryKafkaGroup" k ON k.id = e."groupRef" WHERE k."groupId" = $1 AND e.rebalance`,
      busyGroup,
    );
    expect(markers?.n).toBe(2);
  });
});
