import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { observeGroupLag } from '@/lib/redis/observe-group-lag';
import { observeRedisStreams } from '@/lib/redis/observe-streams';
import { createGroup, createStreamWithEntries, deleteEntries, readAndAck, readWithoutAck } from '@/lib/redis/workload';
import { cli, cliEntriesAfter, type CliConsumer, type CliGroup } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// The lag endpoints' one-group observation: the same lag, pending and consumers as redis-cli
// and as the full observation, in at most two round trips and without XINFO STREAM/XPENDING.

let redis: Redis;
const createdKeys: string[] = [];
function newKey(label: string): string {
  const key = uniqueName(`lagboard-group-lag-test:${label}`);
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

async function countSocketWrites<T>(work: () => Promise<T>): Promise<{ result: T; writes: number }> {
  await redis.ping();
  const spy = vi.spyOn(redis.stream, 'write');
  const result = await work();
  const writes = spy.mock.calls.length;
  spy.mockRestore();
  return { result, writes };
}

describe('observeGroupLag against redis-cli', () => {
  it('reads lag, pending and consumer names of one group, counting where Redis says nil', async () => {
    const behind = newKey('behind');
    const gap = newKey('gap');
    const otherGroupOnly = newKey('other-group');
    const missing = newKey('missing');
    const wrongType = newKey('string');
    await createStreamWithEntries(redis, behind, 9);
    await createGroup(redis, behind, 'workers', '0');
    await readWithoutAck(redis, behind, 'workers', 'b-consumer', 2);
    await readAndAck(redis, behind, 'workers', 'a-consumer', 3);
    const gapIds = await createStreamWithEntries(redis, gap, 6);
    await createGroup(redis, gap, 'workers', '0');
    await deleteEntries(redis, gap, [gapIds[4] as string]);
    await createStreamWithEntries(redis, otherGroupOnly, 2);
    await createGroup(redis, otherGroupOnly, 'others', '0');
    await redis.set(wrongType, 'x');
    const streams = [behind, gap, otherGroupOnly, missing, wrongType];

    const { result, writes } = await countSocketWrites(() => observeGroupLag(redis, { streams, consumerGroup: 'workers', withConsumers: true }));
    expect(writes).toBe(2);
    expect(result.roundTrips).toBe(2);
    const byName = Object.fromEntries(result.streams.map((stream) => [stream.name, stream]));
    for (const stream of [behind, gap]) {
      const cliGroup = ((await cli('XINFO', 'GROUPS', stream)) as CliGroup[])[0] as CliGroup;
      const consumers = (await cli('XINFO', 'CONSUMERS', stream, 'workers')) as CliConsumer[];
      expect(byName[stream]?.groups[0]).toMatchObject({
        name: 'workers',
        pending: cliGroup.pending,
        consumerCount: cliGroup.consumers,
        lastDeliveredId: cliGroup['last-delivered-id'],
        lag: cliGroup.lag ?? null,
        consumers: consumers.map((consumer) => ({ name: consumer.name })),
      });
      if (cliGroup.lag === null) {
        expect(byName[stream]?.groups[0]?.lagEstimate).toEqual({ entries: await cliEntriesAfter(stream, cliGroup['last-delivered-id'], 10_000), atLeast: false });
      }
    }
    expect(byName[behind]?.groups[0]).toMatchObject({ lag: 4, pending: 2 });
    expect(byName[gap]?.groups[0]).toMatchObject({ lag: null, lagEstimate: { entries: 5, atLeast: false } });
    expect(byName[otherGroupOnly]).toEqual({ name: otherGroupOnly, exists: true, groups: [] });
    expect(byName[missing]).toEqual({ name: missing, exists: false, groups: [] });
    expect(byName[wrongType]?.error).toMatch(/^WRONGTYPE/);

    // The same numbers as the full observation.
    const full = await observeRedisStreams(redis, { streams });
    for (const stream of full.streams) {
      const fullGroup = stream.groups.find((group) => group.name === 'workers');
      expect(byName[stream.name]?.groups[0]?.lag ?? null).toBe(fullGroup?.lag ?? null);
      expect(byName[stream.name]?.groups[0]?.lagEstimate ?? null).toEqual(fullGroup?.lagEstimate ?? null);
    }
  });

  it('needs one round trip for health (no consumer names, no nil lag)', async () => {
    const stream = newKey('health');
    await createStreamWithEntries(redis, stream, 3);
    await createGroup(redis, stream, 'workers', '0');
    await readAndAck(redis, stream, 'workers', 'c', 1);
    const { result, writes } = await countSocketWrites(() => observeGroupLag(redis, { streams: [stream], consumerGroup: 'workers', withConsumers: false }));
    expect(writes).toBe(1);
    expect(result.streams[0]?.groups[0]).toMatchObject({ lag: 2, consumers: [] });
  });

  it('adds discovered streams', async () => {
    const prefix = uniqueName('lagboard-group-lag-test:discovery');
    const streams = [`${prefix}:a`, `${prefix}:b`];
    createdKeys.push(...streams);
    for (const stream of streams) await createStreamWithEntries(redis, stream, 1);
    const result = await observeGroupLag(redis, { streams: [], consumerGroup: 'workers', withConsumers: true, discoveryPattern: `${prefix}:*` });
    expect(result.streams.map((stream) => stream.name)).toEqual(streams);
    expect(result.errors).toEqual([]);
  });
});
