import { Redis } from 'ioredis';

/** True when Redis at `redisUrl` answers PING within `timeoutMs`; for scripts that wait for it. */
export async function pingRedisUrl(redisUrl: string, timeoutMs: number): Promise<boolean> {
  const connection = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  connection.on('error', () => undefined);
  try {
    await connection.connect();
    return (await connection.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    connection.disconnect();
  }
}
