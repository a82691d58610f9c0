import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import type { Collector, PassOutcome, SourceObservation, SourceSnapshotAnalysis } from '@/lib/collector/collector';
import { PostgresLeaderElection } from '@/lib/collector/leader-election';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { readHistoryStatus } from '@/lib/history/history-status';
import { closeKafkaConnections } from '@/lib/kafka';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, testKafkaBrokers } from '../support/test-env';

// Three collectors and three Kafka clusters on one PostgreSQL database, as three dashboard or
// collector instances would run: each source (cluster) has its own lock and each collector takes
// its share, so the instances split the clusters between them, each cluster is written exactly
// once per interval, the status names who leads what, and a dead instance's cluster moves to the
// others within one interval.

const scratchDatabase = `${testDatabaseName}_collector_sources`;
const intervalMs = 30_000;
const t0 = Date.UTC(2026, 10, 23, 6);
const clock = new ManualClock(t0);
// Three cluster ids on the suite's broker: three sources with their own locks and snapshots.
const clusters = ['east', 'west', 'north'].map((id) => ({ id, brokers: testKafkaBrokers }));
const sources = clusters.map((cluster) => `kafka:${cluster.id}`).sort();
let databaseUrl: string;
const databases: Database[] = [];

interface Instance {
  name: string;
  collector: Collector;
  election: PostgresLeaderElection;
  notified: { source: string; takenAtMs: number; hasObservation: boolean }[];
}

function instance(name: string, pid: number): Instance {
  const database = createDatabase({ databaseUrl });
  databases.push(database);
  const election = new PostgresLeaderElection(databaseUrl);
  const collector = testCollector({
    database: async () => database.prisma, clock, election, clusters, intervalMs,
    instance: { instanceId: `instance-${name}`, host: `host-${name}`, pid },
  });
  const notified: Instance['notified'] = [];
  collector.onSourceSnapshot((source: string, observation: SourceObservation, analysis: SourceSnapshotAnalysis) => {
    notified.push({ source, takenAtMs: analysis.takenAtMs, hasObservation: observation.observation !== null });
  });
  return { name, collector, election, notified };
}

const ledBy = (outcome: PassOutcome) => (outcome.role === 'leader' ? outcome.sources.map((written) => written.source).sort() : []);

async function snapshotsAt(takenAtMs: number): Promise<string[]> {
  const rows = await databases[0]?.prisma.$queryRawUnsafe<{ source: string }[]>(
    'SELECT source FROM "HistorySnapshot" WHERE "takenAt" = to_timestamp($1::float8 / 1000) ORDER BY source',
    takenAtMs,
  );
  return (rows ?? []).map((row) => row.source);
}

async function terminateBackend(pid: number | null): Promise<void> {
  expect(pid).toBeTypeOf('number');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

const instances: Instance[] = [];
const database = () => {
  const [first] = databases;
  if (!first) throw new Error('no database opened');
  return first.prisma;
};

beforeAll(async () => {
  databaseUrl = await recreateDatabase(scratchDatabase);
  const migrator = createDatabase({ databaseUrl });
  await migrator.migrate();
  await migrator.close();
});

afterAll(async () => {
  for (const { collector } of instances) await collector.stop();
  for (const database of databases) await database.close();
  await closeKafkaConnections();
  await dropDatabase(scratchDatabase);
});

describe('leadership per source', () => {
  it('splits three clusters over three collectors and moves a dead one\'s cluster within one interval', { timeout: 120_000 }, async () => {
    const [a, b, c] = [instance('a', 101), instance('b', 102), instance('c', 103)];
    instances.push(a, b, c);
    // a starts alone and takes every cluster; b and c start while a holds them all.
    expect(ledBy(await a.collector.runOnce())).toEqual(sources);
    expect(ledBy(await b.collector.runOnce())).toEqual([]);
    expect(ledBy(await c.collector.runOnce())).toEqual([]);
    expect(await snapshotsAt(t0)).toEqual(sources);

    // Next interval: three live collectors, one cluster each. a gives up two, b and c take them.
    clock.advance(intervalMs);
    const split = { a: ledBy(await a.collector.runOnce()), b: ledBy(await b.collector.runOnce()), c: ledBy(await c.collector.runOnce()) };
    expect(Object.values(split).map((led) => led.length)).toEqual([1, 1, 1]);
    expect(Object.values(split).flat().sort()).toEqual(sources);
    // Each cluster written exactly once in the interval (a unique key would refuse a second write).
    expect(await snapshotsAt(t0 + intervalMs)).toEqual(sources);

    // The status names each source's leader, and listeners ran for the led sources only.
    const status = await readHistoryStatus(database());
    const leaderOf = (source: string) => status.sources.find((entry) => entry.source === source)?.leader;
    for (const [name, led] of Object.entries(split)) {
      const pid = { a: 101, b: 102, c: 103 }[name];
      expect(leaderOf(led[0] ?? '')).toMatchObject({ instance_id: `instance-${name}`, host: `host-${name}`, pid });
    }
    expect(status.sources.map((entry) => entry.latest_snapshot_at)).toEqual(sources.map(() => new Date(t0 + intervalMs).toISOString()));
    expect(b.notified).toEqual([{ source: split.b[0], takenAtMs: t0 + intervalMs, hasObservation: true }]);

    // b dies (its lock session ends, as when the process is killed). Within one interval the
    // others take its cluster: every cluster is written at the next interval.
    await terminateBackend(b.election.leaderBackendPid);
    clock.advance(intervalMs);
    const afterDeath = { a: ledBy(await a.collector.runOnce()), c: ledBy(await c.collector.runOnce()) };
    expect([...afterDeath.a, ...afterDeath.c].sort()).toEqual(sources);
    expect(await snapshotsAt(t0 + 2 * intervalMs)).toEqual(sources);
    const moved = await readHistoryStatus(database());
    const newLeader = moved.sources.find((entry) => entry.source === split.b[0])?.leader;
    expect(['instance-a', 'instance-c']).toContain(newLeader?.instance_id);
    expect(newLeader?.since).toBe(new Date(t0 + 2 * intervalMs).toISOString());

    // b comes back: on its first pass every lock is held; one interval later the work is split again.
    expect(ledBy(await b.collector.runOnce())).toEqual([]);
    clock.advance(intervalMs);
    const rebalanced = { a: ledBy(await a.collector.runOnce()), c: ledBy(await c.collector.runOnce()), b: ledBy(await b.collector.runOnce()) };
    expect(Object.values(rebalanced).map((led) => led.length)).toEqual([1, 1, 1]);
    expect(await snapshotsAt(t0 + 3 * intervalMs)).toEqual(sources);
  });
});
