import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisClient, getRedisClient, pingRedis, type RedisLike } from '@/lib/redis/client';
import { RedisUnavailableError } from '@/lib/redis/errors';
import { observeRedisStreams } from '@/lib/redis/observe-streams';
import { testRedisUrl } from '../support/test-env';

// A down Redis must fail fast with a typed error whose message carries no address or secret.
// The per-test timeouts guard against a client that queues commands forever; nothing here
// measures speed.

const secret = 'hunter2-do-not-leak';
const clients: RedisLike[] = [];
function client(url: string, commandTimeoutMs = 1_000): RedisLike {
  const redis = createRedisClient({ url, commandTimeoutMs });
  clients.push(redis);
  return redis;
}

function expectNoConnectionDetails(error: unknown): void {
  const message = (error as Error).message;
  for (const leak of [secret, '127.0.0.1', 'redis://', ':1', 'localhost']) {
    expect(message).not.toContain(leak);
  }
}

afterEach(() => {
  for (const redis of clients.splice(0)) {
    redis.disconnect();
  }
});

describe('Redis down', () => {
  it('rejects observeRedisStreams with RedisUnavailableError, also while reconnecting', { timeout: 10_000 }, async () => {
    const redis = client(`redis://:${secret}@127.0.0.1:1/9`);
    const first = await observeRedisStreams(redis, { streams: ['events:chat'] }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(RedisUnavailableError);
    expect((first as RedisUnavailableError).reason).toBe('connection refused');
    expectNoConnectionDetails(first);

    // The client now retries in the background; a second call must not wait for it.
    const second = await observeRedisStreams(redis, { streams: ['events:chat'] }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(RedisUnavailableError);
    expectNoConnectionDetails(second);

    const ping = await pingRedis(redis).catch((error: unknown) => error);
    expect(ping).toBeInstanceOf(RedisUnavailableError);
    expectNoConnectionDetails(ping);
  });

  it('gives up on a server that accepts connections but never answers', { timeout: 10_000 }, async () => {
    const silent = net.createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const error = await pingRedis(client(`redis://:${secret}@127.0.0.1:${port}/9`, 500)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as RedisUnavailableError).reason).toBe('command timed out');
      expectNoConnectionDetails(error);
    } finally {
      silent.close();
    }
  });

  it('works once Redis is there, and the app keeps one client per settings', async () => {
    const settings = { url: testRedisUrl, commandTimeoutMs: 2_000 };
    const appClient = getRedisClient(settings);
    clients.push(appClient);
    expect(getRedisClient(settings)).toBe(appClient);
    const { latencyMs } = await pingRedis(appClient);
    expect(latencyMs).toBeGreaterThanOrEqual(0);
  });
});
