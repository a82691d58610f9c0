import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { readStoredPartitions } from '@/lib/history/testing/stored-partitions';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { createRedisClient } from '@/lib/redis/client';
import { createGroup, createStreamWithEntries } from '@/lib/redis/workload';
import { testKafkaBrokers, testRedisUrl, uniqueName } from '../support/test-env';

// The collector's basic cycle on the embedded PGlite database (the default deployment): it starts,
// writes a snapshot per interval of the injected clock, and keeps the rest of a snapshot when
// Kafka or Redis is down.

const clusterId = 'test';
const topic = uniqueName('cycle-topic');
const groupId = uniqueName('cycle-group');
const stream = `${uniqueName('cycle')}:events`;
const pgliteFolder = mkdtempSync(path.join(tmpdir(), 'lagboard-collector-'));
const redis = new Redis(testRedisUrl);
const unreachableRedis = createRedisClient({ url: 'redis://:do-not-log-me@127.0.0.1:1/9', commandTimeoutMs: 1_000 });
// A Monday 00:00 UTC: the 5-minute rollup buckets start on it.
const t0 = Date.UTC(2026, 10, 23);
let database: Database;

interface GroupRow { takenAtMs: number; committed: number | null; logEnd: number | null; lag: number | null; partition: number }

async function groupPartitionRows(): Promise<GroupRow[]> {
  return (await readStoredPartitions(database.prisma, groupId))
    .filter((row) => row.clusterId === clusterId)
    .map((row) => ({ takenAtMs: row.takenAtMs, partition: row.partition, committed: row.committedOffset, logEnd: row.logEndOffset, lag: row.lag }));
}

beforeAll(async () => {
  database = createDatabase({ pgliteDir: pgliteFolder });
  await database.migrate();
  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 6, partition: 0 });
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 4, partition: 1 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, groupId, [{ topic, partition: 0, offset: 1 }, { topic, partition: 1, offset: 4 }]);
  await createStreamWithEntries(redis, stream, 5);
  await createGroup(redis, stream, 'readers', '0');
});

afterAll(async () => {
  await database?.close();
  rmSync(pgliteFolder, { recursive: true, force: true });
  await redis.del(stream);
  redis.disconnect();
  unreachableRedis.disconnect();
  await closeKafkaConnections();
});

describe('collector on PGlite', () => {
  it('writes one snapshot when started and one more each interval of the injected clock', { timeout: 60_000 }, async () => {
    const clock = new ManualClock(t0);
    const collector = testCollector({
      database: async () => database.prisma,
      clock,
      clusters: [{ id: clusterId, brokers: testKafkaBrokers }],
      redis: { client: redis, streams: [stream] },
      intervalMs: 30_000,
    });
    collector.start();
    const first = await collector.runOnce();
    expect(first).toMatchObject({ role: 'leader', takenAtMs: t0 });
    expect(clock.pendingCount).toBe(1);
    clock.advance(29_999);
    expect(clock.pendingCount).toBe(1);
    clock.advance(1);
    await expect(collector.runOnce()).resolves.toMatchObject({ role: 'leader', takenAtMs: t0 + 30_000 });
    await collector.stop();
    expect(clock.pendingCount).toBe(0);

    // One snapshot per source (the cluster and Redis) per pass.
    const snapshots = await database.prisma.$queryRawUnsafe<{ source: string; ms: number }[]>(
      'SELECT source, (extract(epoch FROM "takenAt") * 1000)::float8 AS ms FROM "HistorySnapshot" ORDER BY "takenAt", source',
    );
    expect(snapshots).toEqual([
      { source: `kafka:${clusterId}`, ms: t0 }, { source: 'redis', ms: t0 },
      { source: `kafka:${clusterId}`, ms: t0 + 30_000 }, { source: 'redis', ms: t0 + 30_000 },
    ]);
    expect((await groupPartitionRows()).map(({ takenAtMs: _takenAtMs, ...row }) => row)).toEqual([
      { partition: 0, committed: 1, logEnd: 6, lag: 5 },
      { partition: 1, committed: 4, logEnd: 4, lag: 0 },
      { partition: 0, committed: 1, logEnd: 6, lag: 5 },
      { partition: 1, committed: 4, logEnd: 4, lag: 0 },
    ]);
    const streamRows = await database.prisma.$queryRawUnsafe<{ lag: number; pending: number; length: number; estimated: boolean }[]>(
      `SELECT p.lag::float8 AS lag, p.pending::float8 AS pending, p.length::float8 AS length, p."lagEstimated" AS estimated
       FROM "HistoryStreamGroupSample" p JOIN "HistoryStreamGroup" g ON g.id = p."streamGroupRef" WHERE g.stream = $1 AND g."groupName" = 'readers'`,
      stream,
    );
    expect(streamRows).toEqual([{ lag: 5, pending: 0, length: 5, estimated: false }, { lag: 5, pending: 0, length: 5, estimated: false }]);
    const [redisErrors] = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "HistorySourceError" WHERE source = 'redis'`);
    expect(redisErrors?.n).toBe(0);
  });

  it('records a Kafka cluster or Redis that is down as an error of that source and keeps the rest', { timeout: 60_000 }, async () => {
    const clock = new ManualClock(t0 + 60_000);
    const collector = testCollector({
      database: async () => database.prisma,
      clock,
      clusters: [{ id: clusterId, brokers: testKafkaBrokers }, { id: 'down', brokers: ['127.0.0.1:1'] }],
      redis: { client: unreachableRedis, streams: [stream] },
      requestTimeoutMs: 1_000,
    });
    const outcome = await collector.runOnce();
    expect(outcome).toMatchObject({ role: 'leader', takenAtMs: t0 + 60_000 });
    // One snapshot per source, each with its own error.
    const snapshotIds = outcome.role === 'leader' ? outcome.sources.map((written) => written.snapshot.snapshotId) : [];
    expect(outcome.role === 'leader' ? outcome.sources.map((written) => written.source).sort() : []).toEqual(['kafka:down', `kafka:${clusterId}`, 'redis']);
    const errors = await database.prisma.$queryRawUnsafe<{ source: string; message: string }[]>(
      'SELECT source, message FROM "HistorySourceError" WHERE "snapshotId" = ANY($1::int4[]) ORDER BY source',
      snapshotIds,
    );
    expect(errors.map((error) => error.source)).toEqual(['kafka:down', 'redis']);
    expect(errors[1]?.message).toBe('Redis is unavailable: connection refused');
    for (const { message } of errors) expect(message).not.toContain('do-not-log-me');
    // The reachable cluster is still in the snapshot.
    expect((await groupPartitionRows()).filter((row) => row.takenAtMs === t0 + 60_000)).toHaveLength(2);
    await collector.stop();
  });
});
