import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisObservation, RedisStreamGroupObservation } from '@/lib/observations/redis';
import { observeRedisStreams } from '@/lib/redis/observe-streams';
import { startRedisDemoScenarios, type RedisDemoScenarios } from '@/lib/redis/workload';
import { cli, cliText } from '../support/redis-cli';
import { testRedisUrl, uniqueName } from '../support/test-env';

// The demo's situations really appear: a growing lag on the first stream, pending entries
// left by instance-3 on the second, and a stop() that closes its connections but keeps data.

const keyPrefix = `${uniqueName('lagboard-redis-test:demo')}:`;
const group = 'signalr-consumers';
let redis: Redis;
let scenarios: RedisDemoScenarios | null = null;

beforeAll(() => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  await scenarios?.stop();
  await redis.del(...['events:chat', 'events:ticket', 'events:remote'].map((stream) => `${keyPrefix}${stream}`));
  await redis.quit();
});

function groupOf(observation: RedisObservation, stream: string): RedisStreamGroupObservation | undefined {
  return observation.streams.find((candidate) => candidate.name === `${keyPrefix}${stream}`)?.groups.find((candidate) => candidate.name === group);
}

describe('startRedisDemoScenarios', () => {
  it('builds a lagging stream and a stream with unacknowledged entries', { timeout: 30_000 }, async () => {
    scenarios = await startRedisDemoScenarios({ redisUrl: testRedisUrl, keyPrefix, group });
    expect(scenarios.streams).toEqual(['events:chat', 'events:ticket', 'events:remote'].map((stream) => `${keyPrefix}${stream}`));

    let observation: RedisObservation;
    for (;;) {
      observation = await observeRedisStreams(redis, { streams: scenarios.streams });
      const chatLag = groupOf(observation, 'events:chat')?.lag ?? 0;
      const unacked = groupOf(observation, 'events:ticket')?.consumers.find((consumer) => consumer.name === 'instance-3')?.pending ?? 0;
      if (chatLag >= 5 && unacked >= 6) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await scenarios.stop();
    scenarios = null;

    // Stopped: the numbers hold still, so they can be compared with redis-cli exactly.
    observation = await observeRedisStreams(redis, { streams: ['events:chat', 'events:ticket', 'events:remote'].map((stream) => `${keyPrefix}${stream}`) });
    for (const name of ['events:chat', 'events:ticket', 'events:remote']) {
      const cliGroups = (await cli('XINFO', 'GROUPS', `${keyPrefix}${name}`)) as Array<{ name: string; lag: number | null; pending: number }>;
      const cliConsumers = (await cli('XINFO', 'CONSUMERS', `${keyPrefix}${name}`, group)) as Array<{ name: string; pending: number }>;
      const observed = groupOf(observation, name);
      expect(observed).toMatchObject({ lag: cliGroups[0]?.lag, pending: cliGroups[0]?.pending, lagSource: 'redis' });
      expect(observed?.consumers.map(({ name: consumer, pending }) => [consumer, pending]))
        .toEqual(cliConsumers.map(({ name: consumer, pending }) => [consumer, pending]));
      expect(observed?.consumers.find((consumer) => consumer.name === 'instance-1')?.pending).toBe(0);
    }
    expect(groupOf(observation, 'events:chat')?.lag).toBeGreaterThanOrEqual(5);
    expect(groupOf(observation, 'events:ticket')?.consumers.find((consumer) => consumer.name === 'instance-3')?.pending).toBeGreaterThanOrEqual(6);
    expect(observation.streams.every((stream) => stream.exists && stream.length > 0)).toBe(true);
    expect(await cliText('CLIENT', 'LIST')).not.toContain(`lagboard-demo:${keyPrefix}`);
  });
});
