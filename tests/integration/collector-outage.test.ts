import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import { PostgresLeaderElection } from '@/lib/collector/leader-election';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { closeKafkaConnections } from '@/lib/kafka';
import { databaseUrlFor, dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, testKafkaBrokers } from '../support/test-env';

// PostgreSQL going away while the collector runs: it keeps running, logs the outage once (not once
// per pass) and writes again as soon as the database is back. The outage is real: the collector
// reaches PostgreSQL through a TCP relay that the test closes and reopens.

const scratchDatabase = `${testDatabaseName}_collector_outage`;
const t0 = Date.UTC(2026, 10, 23);
const sockets = new Set<net.Socket>();
let relay: net.Server | null = null;
let relayPort = 0;
let database: Database;

function openRelay(port: number): Promise<number> {
  relay = net.createServer((client) => {
    const server = net.connect(5432, '127.0.0.1');
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(server).pipe(client);
  });
  return new Promise((resolve) => relay?.listen(port, '127.0.0.1', () => resolve((relay?.address() as net.AddressInfo).port)));
}

async function closeRelay(): Promise<void> {
  const closing = new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  for (const socket of sockets) socket.destroy();
  await closing;
  relay = null;
}

function relayedUrl(): string {
  const url = new URL(databaseUrlFor(scratchDatabase));
  url.port = String(relayPort);
  return url.toString();
}

beforeAll(async () => {
  const directUrl = await recreateDatabase(scratchDatabase);
  const migrator = createDatabase({ databaseUrl: directUrl });
  await migrator.migrate();
  await migrator.close();
  relayPort = await openRelay(0);
  database = createDatabase({ databaseUrl: relayedUrl() });
});

afterAll(async () => {
  await database?.close().catch(() => undefined);
  await closeRelay();
  await closeKafkaConnections();
  await dropDatabase(scratchDatabase);
});

describe('collector during a PostgreSQL outage', () => {
  it('keeps running, logs once per outage and resumes writing when the database returns', { timeout: 90_000 }, async () => {
    const clock = new ManualClock(t0);
    const election = new PostgresLeaderElection(relayedUrl(), { connectTimeoutMs: 1_000 });
    const collector = testCollector({ database: async () => database.prisma, clock, election, clusters: [{ id: 'test', brokers: testKafkaBrokers }] });
    const warnings = vi.spyOn(console, 'warn');
    const infos = vi.spyOn(console, 'log');
    const loggedEvents = (spy: typeof warnings, event: string) => spy.mock.calls.filter(([line]) => String(line).includes(`"event":"${event}"`));
    try {
      await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader' });

      await closeRelay();
      for (let pass = 1; pass <= 3; pass += 1) {
        clock.advance(30_000);
        await expect(collector.runOnce()).resolves.toMatchObject({ role: 'failed' });
      }
      expect(loggedEvents(warnings, 'collector.pass_unavailable')).toHaveLength(1);
      // The log names the failure, never the connection string.
      expect(JSON.stringify(loggedEvents(warnings, 'collector.pass_unavailable'))).not.toContain('postgres@');

      await openRelay(relayPort);
      clock.advance(30_000);
      await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader', takenAtMs: t0 + 4 * 30_000 });
      expect(loggedEvents(infos, 'collector.pass_recovered')).toHaveLength(1);
      clock.advance(30_000);
      await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader' });
      expect(loggedEvents(warnings, 'collector.pass_unavailable')).toHaveLength(1);

      const rows = await database.prisma.$queryRawUnsafe<{ ms: number }[]>('SELECT (extract(epoch FROM "takenAt") * 1000)::float8 AS ms FROM "HistorySnapshot" ORDER BY 1');
      expect(rows.map((row) => (row.ms - t0) / 30_000)).toEqual([0, 4, 5]);
    } finally {
      warnings.mockRestore();
      infos.mockRestore();
      await collector.stop();
    }
  });
});
