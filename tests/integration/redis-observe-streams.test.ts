import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RedisStreamObservation } from '@/lib/observations/redis';
import { observeRedisStreams, type ObserveRedisStreamsOptions } from '@/lib/redis/observe-streams';
import {
  acknowledge,
  createGroup,
  createStreamWithEntries,
  deleteEntries,
  readAndAck,
  readWithoutAck,
  setGroupId,
} from '@/lib/redis/workload';
import { cli, cliBatch, cliEntriesAfter, cliState, cliText, type CliConsumer, type CliGroup, type CliGroupState } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// Every number the observation reports is checked against what redis-cli prints, so the test
// does not trust the code (or ioredis) to read Redis's replies right.

function expectBetween(value: number | null | undefined, low: number, high: number): void {
  expect(value).toBeTypeOf('number');
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
}

/**
 * Observes one stream between two redis-cli readings and compares every field. Idle times
 * move, so each must lie between the reading before and the one after.
 */
async function observeAndCompare(redis: Redis, stream: string, options: Omit<ObserveRedisStreamsOptions, 'streams'> = {}): Promise<RedisStreamObservation> {
  const pendingDetailLimit = options.pendingDetailLimit ?? 10;
  const lagEstimateLimit = options.lagEstimateLimit ?? 10_000;
  const before = await cliState(stream, pendingDetailLimit);
  const observation = await observeRedisStreams(redis, { streams: [stream], ...options });
  const after = await cliState(stream, pendingDetailLimit);
  const observed = observation.streams[0] as RedisStreamObservation;

  expect(observation.errors).toEqual([]);
  expect(observed.error).toBeUndefined();
  expect(observed).toMatchObject({
    name: stream,
    exists: true,
    length: after.stream.length,
    firstEntryId: after.stream['first-entry']?.[0] ?? null,
    lastEntryId: after.stream['last-entry']?.[0] ?? null,
    lastGeneratedId: after.stream['last-generated-id'],
    entriesAdded: after.stream['entries-added'] ?? null,
    maxDeletedEntryId: after.stream['max-deleted-entry-id'] ?? null,
    groupCount: after.stream.groups,
  });
  expect(observed.groups.map((group) => group.name)).toEqual(after.groups.map(({ group }) => group.name));

  for (const [index, cliAfter] of after.groups.entries()) {
    const cliBefore = before.groups[index] as CliGroupState;
    const group = observed.groups[index];
    const redisLag = cliAfter.group.lag ?? null;
    expect(group).toMatchObject({
      consumerCount: cliAfter.group.consumers,
      pending: cliAfter.group.pending,
      lastDeliveredId: cliAfter.group['last-delivered-id'],
      entriesRead: cliAfter.group['entries-read'] ?? null,
      lag: redisLag,
      lagSource: redisLag === null ? 'estimated' : 'redis',
    });
    if (redisLag === null) {
      const counted = await cliEntriesAfter(stream, cliAfter.group['last-delivered-id'], lagEstimateLimit);
      expect(group?.lagEstimate).toEqual({ entries: Math.min(counted, lagEstimateLimit), atLeast: counted > lagEstimateLimit });
    } else {
      expect(group?.lagEstimate).toBeNull();
    }

    const [count, oldestId, newestId, perConsumer] = cliAfter.summary;
    expect(group?.pendingSummary).toMatchObject({
      count,
      oldestId,
      newestId,
      perConsumer: (perConsumer ?? []).map(([consumer, consumerCount]) => ({ consumer, count: Number(consumerCount) })),
    });
    expect(group?.oldestPending.map(({ id, consumer, deliveryCount }) => [id, consumer, deliveryCount]))
      .toEqual(cliAfter.detail.map(([id, consumer, , deliveryCount]) => [id, consumer, deliveryCount]));
    group?.oldestPending.forEach((entry, entryIndex) => {
      expectBetween(entry.idleMs, cliBefore.detail[entryIndex]?.[2] ?? NaN, cliAfter.detail[entryIndex]?.[2] ?? NaN);
    });
    if (count > 0) {
      expectBetween(group?.pendingSummary?.oldestIdleMs, cliBefore.detail[0]?.[2] ?? NaN, cliAfter.detail[0]?.[2] ?? NaN);
    } else {
      expect(group?.pendingSummary?.oldestIdleMs).toBeNull();
    }

    expect(group?.consumers.map(({ name, pending }) => [name, pending])).toEqual(cliAfter.consumers.map(({ name, pending }) => [name, pending]));
    group?.consumers.forEach((consumer, consumerIndex) => {
      const consumerBefore = cliBefore.consumers[consumerIndex] as CliConsumer;
      const consumerAfter = cliAfter.consumers[consumerIndex] as CliConsumer;
      expectBetween(consumer.idleMs, consumerBefore.idle, consumerAfter.idle);
      if (consumerAfter.inactive === undefined) {
        expect(consumer.inactiveMs).toBeNull();
      } else {
        expectBetween(consumer.inactiveMs, consumerBefore.inactive ?? NaN, consumerAfter.inactive);
      }
    });
  }
  return observed;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

let redis: Redis;
const createdKeys: string[] = [];
function newKey(label: string): string {
  const key = uniqueName(`lagboard-redis-test:${label}`);
  createdKeys.push(key);
  return key;
}

beforeAll(() => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
});

afterEach(async () => {
  if (createdKeys.length > 0) {
    await redis.del(...createdKeys.splice(0));
  }
});

afterAll(async () => {
  await redis.quit();
});

describe('observeRedisStreams against redis-cli', () => {
  it('reports the lag Redis reports for a group that is behind, and the server figures', async () => {
    const stream = newKey('behind');
    await createStreamWithEntries(redis, stream, 12);
    await createGroup(redis, stream, 'workers', '0');
    await readAndAck(redis, stream, 'workers', 'worker-1', 4);

    const observed = await observeAndCompare(redis, stream);
    expect(observed.groups[0]).toMatchObject({ lag: 8, pending: 0, lagSource: 'redis', lagEstimate: null });

    const observation = await observeRedisStreams(redis, { streams: [stream] });
    const info = (await cliText('INFO', 'server')) + (await cliText('INFO', 'memory'));
    expect(observation.server?.version).toBe(/redis_version:(\S+)/.exec(info)?.[1]);
    expect(observation.server?.maxMemoryBytes).toBe(Number(/maxmemory:(\d+)/.exec(info)?.[1]));
    expect(observation.server?.usedMemoryBytes).toBeGreaterThan(0);
    expect(observation.server?.connectedClients).toBeGreaterThanOrEqual(1);
    expect(observation.server?.opsPerSecond).toBeGreaterThanOrEqual(0);
  });

  it('estimates the lag when an XDEL after the group position makes Redis report nil', async () => {
    const stream = newKey('xdel-gap');
    const ids = await createStreamWithEntries(redis, stream, 10);
    await createGroup(redis, stream, 'workers', '0');
    await readAndAck(redis, stream, 'workers', 'worker-1', 3);
    await deleteEntries(redis, stream, [ids[6] as string]);
    expect(((await cli('XINFO', 'GROUPS', stream)) as CliGroup[])[0]?.lag).toBeNull();

    const observed = await observeAndCompare(redis, stream);
    expect(observed.groups[0]).toMatchObject({ lag: null, lagSource: 'estimated', lagEstimate: { entries: 6, atLeast: false } });
  });

  it('estimates the lag of a group moved with SETID to an arbitrary ID, and trusts Redis with ENTRIESREAD', async () => {
    const stream = newKey('setid');
    const ids = await createStreamWithEntries(redis, stream, 10);
    await createGroup(redis, stream, 'moved', '0');
    await createGroup(redis, stream, 'moved-with-count', '0');
    await setGroupId(redis, stream, 'moved', ids[3] as string);
    await setGroupId(redis, stream, 'moved-with-count', ids[3] as string, 4);

    const observed = await observeAndCompare(redis, stream);
    const byName = Object.fromEntries(observed.groups.map((group) => [group.name, group]));
    expect(byName.moved).toMatchObject({ entriesRead: null, lag: null, lagSource: 'estimated', lagEstimate: { entries: 6, atLeast: false } });
    expect(byName['moved-with-count']).toMatchObject({ entriesRead: 4, lag: 6, lagSource: 'redis', lagEstimate: null });
  });

  it('stops counting at lagEstimateLimit and says the lag is at least that', async () => {
    const stream = newKey('at-least');
    const ids = await createStreamWithEntries(redis, stream, 22);
    // Strictly inside the stream: Redis cannot count from there, 20 entries follow.
    await createGroup(redis, stream, 'workers', ids[1] as string);
    expect(((await cli('XINFO', 'GROUPS', stream)) as CliGroup[])[0]?.lag).toBeNull();

    expect((await observeAndCompare(redis, stream, { lagEstimateLimit: 5 })).groups[0]?.lagEstimate).toEqual({ entries: 5, atLeast: true });
    expect((await observeAndCompare(redis, stream, { lagEstimateLimit: 20 })).groups[0]?.lagEstimate).toEqual({ entries: 20, atLeast: false });
    expect((await observeAndCompare(redis, stream, { lagEstimateLimit: 19 })).groups[0]?.lagEstimate).toEqual({ entries: 19, atLeast: true });
  });

  it('reports pending entries apart from lag, with the oldest pending entry and its idle time', async () => {
    const stream = newKey('pending');
    await createStreamWithEntries(redis, stream, 10);
    await createGroup(redis, stream, 'workers', '0');
    const firstBatch = await readWithoutAck(redis, stream, 'workers', 'worker-1', 4);
    await readWithoutAck(redis, stream, 'workers', 'worker-2', 2);
    await acknowledge(redis, stream, 'workers', [firstBatch[1] as string]);
    // A second delivery of the oldest entry, to another consumer.
    await redis.xclaim(stream, 'workers', 'worker-2', 0, firstBatch[0] as string);

    const observed = await observeAndCompare(redis, stream);
    const group = observed.groups[0];
    expect(group).toMatchObject({ pending: 5, lag: 4, lagSource: 'redis' });
    expect(group?.pendingSummary).toMatchObject({ count: 5, oldestId: firstBatch[0] });
    expect(group?.oldestPending[0]).toMatchObject({ id: firstBatch[0], consumer: 'worker-2', deliveryCount: 2 });

    const bounded = await observeAndCompare(redis, stream, { pendingDetailLimit: 3 });
    expect(bounded.groups[0]?.oldestPending).toHaveLength(3);
  });

  it('shows an idle consumer next to an active one', async () => {
    const stream = newKey('idle');
    await createStreamWithEntries(redis, stream, 5);
    await createGroup(redis, stream, 'workers', '0');
    await readWithoutAck(redis, stream, 'workers', 'stalled', 1);
    await sleep(300);
    await readAndAck(redis, stream, 'workers', 'active', 1);

    const observed = await observeAndCompare(redis, stream);
    const consumers = Object.fromEntries((observed.groups[0]?.consumers ?? []).map((consumer) => [consumer.name, consumer]));
    expect(consumers.stalled?.pending).toBe(1);
    expect(consumers.stalled?.idleMs).toBeGreaterThanOrEqual(300);
    expect(consumers.active?.pending).toBe(0);
    expect(consumers.active?.idleMs).toBeLessThan(consumers.stalled?.idleMs ?? 0);
  });

  it('reports a missing stream without error, a stream without groups, and a key of another type', async () => {
    const missing = newKey('missing');
    const withoutGroups = newKey('no-groups');
    const wrongType = newKey('string');
    await createStreamWithEntries(redis, withoutGroups, 2);
    await redis.set(wrongType, 'not a stream');

    const observation = await observeRedisStreams(redis, { streams: [missing, withoutGroups, wrongType] });
    const [missingStream, streamWithoutGroups, wrongTypeStream] = observation.streams;
    expect(await cli('EXISTS', missing)).toBe(0);
    expect(missingStream).toMatchObject({ name: missing, exists: false, length: 0, groupCount: 0, groups: [] });
    expect(missingStream?.error).toBeUndefined();

    expect(await cli('XINFO', 'GROUPS', withoutGroups)).toEqual([]);
    expect(streamWithoutGroups).toMatchObject({ exists: true, length: 2, groupCount: 0, groups: [] });
    await observeAndCompare(redis, withoutGroups);

    expect(await cli('TYPE', wrongType)).toBe('string');
    expect(wrongTypeStream?.error).toMatch(/WRONGTYPE/);
    expect(wrongTypeStream?.groups).toEqual([]);
    // Only the first pipeline: no stream has a group.
    expect(observation.roundTrips).toBe(1);
  });
});

describe('observeRedisStreams cost', () => {
  it('observes 50 streams with groups in 2 round trips', async () => {
    const streams = Array.from({ length: 50 }, (_, index) => newKey(`many-${index}`));
    for (const [index, stream] of streams.entries()) {
      const ids = await createStreamWithEntries(redis, stream, 4);
      await createGroup(redis, stream, 'workers', '0');
      await readAndAck(redis, stream, 'workers', 'worker-1', 1);
      if (index % 2 === 0) {
        await setGroupId(redis, stream, 'workers', ids[1] as string); // nil lag: needs an XRANGE
      }
    }
    await redis.ping();
    // Each pipeline goes out as one socket write; anything sent per stream would show here.
    const writes = vi.spyOn(redis.stream, 'write');
    const observation = await observeRedisStreams(redis, { streams });
    const socketWrites = writes.mock.calls.length;
    writes.mockRestore();

    expect(socketWrites).toBe(2);
    expect(observation.roundTrips).toBe(2);
    const cliGroups = (await cliBatch(streams.map((stream) => ['XINFO', 'GROUPS', stream]))) as CliGroup[][];
    observation.streams.forEach((stream, index) => {
      const cliGroup = cliGroups[index]?.[0];
      expect(stream.groups[0]).toMatchObject({ lag: cliGroup?.lag ?? null, lastDeliveredId: cliGroup?.['last-delivered-id'] });
      expect(stream.groups[0]?.lag ?? stream.groups[0]?.lagEstimate?.entries).toBe(index % 2 === 0 ? 2 : 3);
    });
  });

  it('discovers streams with a bounded SCAN, counting each call as a round trip', async () => {
    const prefix = uniqueName('lagboard-redis-test:discovery');
    const streams = [`${prefix}:a`, `${prefix}:b`, `${prefix}:c`];
    createdKeys.push(...streams, `${prefix}:string`);
    for (const stream of streams) {
      await createStreamWithEntries(redis, stream, 1);
    }
    await redis.set(`${prefix}:string`, 'not a stream');

    const observation = await observeRedisStreams(redis, { streams: [streams[0] as string], discoveryPattern: `${prefix}:*` });
    expect(observation.streams.map((stream) => stream.name)).toEqual(streams);
    expect(observation.errors).toEqual([]);

    await redis.ping();
    const writes = vi.spyOn(redis.stream, 'write');
    const bounded = await observeRedisStreams(redis, { streams: [], discoveryPattern: `${prefix}:*`, discoveryMaxKeys: 1 });
    const socketWrites = writes.mock.calls.length;
    writes.mockRestore();
    // One SCAN (COUNT 1) and the first pipeline; the streams have no groups, so no second one.
    expect(socketWrites).toBe(2);
    expect(bounded.roundTrips).toBe(2);
    expect(bounded.errors.every((error) => error.scope === 'discovery')).toBe(true);
  });
});
