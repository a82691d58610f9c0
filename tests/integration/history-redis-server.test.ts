import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { getRedisServerTrend } from '@/lib/history/redis-server/get-trend';
import { closeKafkaConnections } from '@/lib/kafka';
import { createRedisClient } from '@/lib/redis/client';
import { cliText } from '../support/redis-cli';
import { testRedisUrl } from '../support/test-env';

// The Redis server samples: the collector writes one per snapshot from the real INFO (compared
// with redis-cli INFO), the trend buckets them, and the raw retention deletes old ones.

const pgliteFolder = mkdtempSync(path.join(tmpdir(), 'lagboard-redis-server-'));
const redis = createRedisClient({ url: testRedisUrl, commandTimeoutMs: 3_000 });
const t0 = Date.UTC(2026, 10, 23);
const minute = 60_000;
let database: Database;

interface SampleRow { takenAtMs: number; used: number; limit: number; clients: number; ops: number }

async function samples(): Promise<SampleRow[]> {
  return database.prisma.$queryRawUnsafe<SampleRow[]>(
    `SELECT (extract(epoch FROM "takenAt") * 1000)::float8 AS "takenAtMs", "usedMemoryBytes"::float8 AS used, "maxMemoryBytes"::float8 AS limit,
            "connectedClients" AS clients, "opsPerSecond" AS ops FROM "HistoryRedisServerSample" ORDER BY "takenAt"`,
  );
}

function infoField(info: string, name: string): number {
  const match = new RegExp(`^${name}:(\\d+(?:\\.\\d+)?)`, 'm').exec(info);
  if (!match) throw new Error(`INFO has no ${name}`);
  return Number(match[1]);
}

beforeAll(async () => {
  database = createDatabase({ pgliteDir: pgliteFolder });
  await database.migrate();
});

afterAll(async () => {
  await database?.close();
  rmSync(pgliteFolder, { recursive: true, force: true });
  redis.disconnect();
  await closeKafkaConnections();
});

describe('Redis server samples', () => {
  it('are written once per snapshot from INFO, trended and dropped with the raw retention', async () => {
    const clock = new ManualClock(t0);
    const collector = testCollector({
      database: async () => database.prisma, clock, clusters: [], redis: { client: redis, streams: [] },
      retentionRawMs: 10 * minute, intervalMs: minute,
    });
    const before = await cliText('INFO');
    await collector.runOnce();
    const after = await cliText('INFO');
    clock.advance(minute);
    await collector.runOnce();

    const written = await samples();
    expect(written.map((row) => row.takenAtMs)).toEqual([t0, t0 + minute]);
    const [first] = written;
    // Memory moves between two INFO calls; the sample lies between redis-cli's readings around it.
    const usedBefore = infoField(before, 'used_memory');
    const usedAfter = infoField(after, 'used_memory');
    expect(first!.used).toBeGreaterThanOrEqual(Math.min(usedBefore, usedAfter) * 0.9);
    expect(first!.used).toBeLessThanOrEqual(Math.max(usedBefore, usedAfter) * 1.1);
    expect(first!.limit).toBe(infoField(after, 'maxmemory'));
    expect(first!.clients).toBeGreaterThanOrEqual(1);

    const trend = await getRedisServerTrend(database.prisma, { fromMs: t0, toMs: t0 + 2 * minute }, minute);
    expect(trend.step_ms).toBe(minute);
    expect(trend.points.map((point) => [point.time, point.samples])).toEqual([[new Date(t0).toISOString(), 1], [new Date(t0 + minute).toISOString(), 1]]);
    expect(trend.points[0]!.used_memory_bytes).toEqual({ avg: first!.used, max: first!.used });
    expect(trend.points[0]!.used_memory_ratio.avg).toBe(first!.limit > 0 ? first!.used / first!.limit : null);
    const twoMinutes = await getRedisServerTrend(database.prisma, { fromMs: t0, toMs: t0 + 2 * minute }, 2 * minute);
    expect(twoMinutes.points).toHaveLength(1);
    expect(twoMinutes.points[0]!.samples).toBe(2);

    // 11 minutes later the raw retention (10 min) has dropped both earlier samples.
    clock.advance(11 * minute);
    await collector.runOnce();
    expect((await samples()).map((row) => row.takenAtMs)).toEqual([t0 + 12 * minute]);
  });
});
