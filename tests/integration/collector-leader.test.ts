import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import type { Collector, PassOutcome } from '@/lib/collector/collector';
import { LostLeadershipError, PostgresLeaderElection } from '@/lib/collector/leader-election';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { snapshotAt } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { closeKafkaConnections } from '@/lib/kafka';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, testKafkaBrokers } from '../support/test-env';

// Two collectors on one PostgreSQL database, as two dashboard instances would run them: only the
// holder of the advisory lock writes; when its lock session dies the other one takes over on its
// next pass (within one interval), and the old leader cannot write any more.

const scratchDatabase = `${testDatabaseName}_collector_leader`;
const intervalMs = 30_000;
const t0 = Date.UTC(2026, 10, 23);
const clock = new ManualClock(t0);
let databaseUrl: string;
const databases: Database[] = [];
const instances: { collector: Collector; election: PostgresLeaderElection }[] = [];

function instance(): { collector: Collector; election: PostgresLeaderElection; database: Database } {
  // Each instance has its own pool, as separate processes would.
  const database = createDatabase({ databaseUrl });
  databases.push(database);
  const election = new PostgresLeaderElection(databaseUrl);
  const collector = testCollector({ database: async () => database.prisma, clock, election, clusters: [{ id: 'test', brokers: testKafkaBrokers }], intervalMs });
  instances.push({ collector, election });
  return { collector, election, database };
}

async function snapshotCount(database: Database): Promise<number> {
  const [row] = await database.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM "HistorySnapshot"');
  return row?.n ?? -1;
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

const roles = (...outcomes: PassOutcome[]) => outcomes.map((outcome) => outcome.role);

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

describe('leader election', () => {
  it('lets one collector write, and the other take over within one interval when the leader dies', { timeout: 60_000 }, async () => {
    const first = instance();
    const second = instance();

    // Two intervals: the first instance to try takes the lock and keeps it; the other stays idle.
    expect(roles(await first.collector.runOnce(), await second.collector.runOnce())).toEqual(['leader', 'follower']);
    clock.advance(intervalMs);
    expect(roles(await second.collector.runOnce(), await first.collector.runOnce())).toEqual(['follower', 'leader']);
    expect(await snapshotCount(first.database)).toBe(2);

    // The leader's lock session dies (a crash, a network cut, an administrator's kill).
    await terminateBackend(first.election.leaderBackendPid);
    clock.advance(intervalMs);
    // The follower's next pass, one interval later, takes over and writes.
    const takeover = await second.collector.runOnce();
    expect(takeover).toMatchObject({ role: 'leader', takenAtMs: t0 + 2 * intervalMs });
    // The old leader notices its lost session, reconnects, and finds the lock taken.
    expect(roles(await first.collector.runOnce())).toEqual(['follower']);
    expect(await snapshotCount(first.database)).toBe(3);

    clock.advance(intervalMs);
    expect(roles(await first.collector.runOnce(), await second.collector.runOnce())).toEqual(['follower', 'leader']);
    expect(await snapshotCount(second.database)).toBe(4);
  });

  it('a leader taking over less than one interval after the last snapshot waits for the next interval', { timeout: 60_000 }, async () => {
    const later = t0 + 7_200_000;
    const waitingClock = new ManualClock(later);
    const election = new PostgresLeaderElection(databaseUrl);
    const database = createDatabase({ databaseUrl });
    databases.push(database);
    await writeSnapshot(database.prisma, snapshotAt(later));
    const before = await snapshotCount(database);
    const collector = testCollector({ database: async () => database.prisma, clock: waitingClock, election, clusters: [{ id: 'waiting-test', brokers: testKafkaBrokers }], intervalMs });
    instances.push({ collector, election });

    // Half an interval after the previous leader's snapshot: the lock is taken, nothing is written.
    waitingClock.advance(intervalMs / 2);
    expect(await collector.runOnce()).toEqual({ role: 'waiting', newestSnapshotAtMs: later });
    expect(await snapshotCount(database)).toBe(before);
    // Its next pass, one interval on, writes.
    waitingClock.advance(intervalMs);
    expect(await collector.runOnce()).toMatchObject({ role: 'leader', takenAtMs: later + intervalMs * 1.5 });
    expect(await snapshotCount(database)).toBe(before + 1);
  });

  it('fences a leader that has not noticed its lock is gone: its snapshot is not written', { timeout: 60_000 }, async () => {
    // A source of its own, so this lock is not the one the collectors above hold.
    const source = 'kafka:fence-test';
    const election = new PostgresLeaderElection(databaseUrl);
    const database = createDatabase({ databaseUrl });
    databases.push(database);
    expect(await election.ensureLeadership(source)).toBe(true);
    await writeSnapshot(database.prisma, snapshotAt(t0 + 3_600_000), { fence: (sql) => election.fence(source, sql) });
    const before = await snapshotCount(database);

    await terminateBackend(election.leaderBackendPid);
    await expect(writeSnapshot(database.prisma, snapshotAt(t0 + 3_630_000), { fence: (sql) => election.fence(source, sql) })).rejects.toBeInstanceOf(LostLeadershipError);
    expect(await snapshotCount(database)).toBe(before);
    await election.release();
  });
});
