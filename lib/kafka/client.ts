import 'server-only';
import { ConnectionPool } from '@platformatic/kafka';
import type { KafkaClusterConfig } from '@/lib/config';

interface CachedConnectionPool {
  pool: ConnectionPool;
  brokersKey: string;
  requestTimeoutMs: number;
}

// On globalThis so that Next's dev-mode module reloads reuse the sockets instead of leaking them.
const globalStore = globalThis as unknown as { lagboardKafkaPools?: Map<string, CachedConnectionPool> };

function cachedPools(): Map<string, CachedConnectionPool> {
  globalStore.lagboardKafkaPools ??= new Map();
  return globalStore.lagboardKafkaPools;
}

/**
 * The one connection pool of a cluster, created on first use and kept: one connection per broker,
 * shared by every observation of that cluster. A changed broker list or timeout replaces it.
 */
export function getKafkaConnectionPool(cluster: KafkaClusterConfig, requestTimeoutMs: number): ConnectionPool {
  const pools = cachedPools();
  const brokersKey = cluster.brokers.join(',');
  const cached = pools.get(cluster.id);
  if (cached && cached.brokersKey === brokersKey && cached.requestTimeoutMs === requestTimeoutMs) {
    return cached.pool;
  }
  if (cached) {
    cached.pool.close().catch(() => undefined);
  }
  const pool = new ConnectionPool(`lagboard-${cluster.id}`, {
    connectTimeout: requestTimeoutMs,
    requestTimeout: requestTimeoutMs,
  });
  // A socket can fail after its connect listeners are gone; without a listener Node would turn
  // that 'error' event into an uncaught exception. The failed request still reports the error.
  pool.on('connecting', ({ connection }) => {
    connection.on('error', () => undefined);
  });
  pools.set(cluster.id, { pool, brokersKey, requestTimeoutMs });
  return pool;
}

/** Closes every cached pool (tests, shutdown). The next observation opens new connections. */
export async function closeKafkaConnections(): Promise<void> {
  const pools = cachedPools();
  const closing = [...pools.values()].map((cached) => cached.pool.close().catch(() => undefined));
  pools.clear();
  await Promise.all(closing);
}
