import 'server-only';
import { getDb } from '@/lib/db';
import { describeError, log } from '@/lib/log';
import type { ChartPoint } from '@/lib/share/chart-points';
import { getRedisServerTrend } from './get-trend';

const mebibytes = (bytes: number) => bytes / 1024 / 1024;

export interface RedisServerChart {
  points: ChartPoint[];
  unavailable: boolean;
  fromMs: number;
  toMs: number;
}

/**
 * The Redis server trend as chart points: memory as a percentage of maxmemory (MiB when there is
 * no limit), connected clients and ops/s, over the last `spanMs`. A database that cannot be read
 * is `unavailable`, not an error page.
 */
export async function loadRedisServerChart(spanMs: number): Promise<RedisServerChart> {
  const toMs = Date.now();
  const fromMs = toMs - spanMs;
  try {
    const trend = await getRedisServerTrend(await getDb(), { fromMs, toMs }, null);
    const points = trend.points.map((point) => ({
      atMs: Date.parse(point.time),
      memory: point.used_memory_ratio.avg === null ? mebibytes(point.used_memory_bytes.avg) : point.used_memory_ratio.avg * 100,
      clients: point.connected_clients.avg,
      ops: point.ops_per_second.avg,
    }));
    return { points, unavailable: false, fromMs, toMs };
  } catch (error) {
    log.warn('redis.server_trend_failed', { error: describeError(error) });
    return { points: [], unavailable: true, fromMs, toMs };
  }
}
