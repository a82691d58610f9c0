import { LagChart, type LagChartSeries } from '@/components/share/lag-chart';
import { formatCount } from '@/components/format';
import { loadRedisServerChart } from '@/lib/history/redis-server/chart-points';
import type { ServerJson } from '@/lib/events/streams-list';

const trendSpanMs = 6 * 3_600_000;
const mebibytes = (bytes: number) => bytes / 1024 / 1024;

/** Memory as a share of maxmemory, or "no limit" (Redis reports 0 then). */
export function describeMemory(server: ServerJson): string {
  const used = `${formatCount(Math.round(mebibytes(server.used_memory_bytes)))} MiB`;
  if (server.max_memory_bytes === 0) return `${used} used · no limit (maxmemory 0)`;
  const percent = (server.used_memory_bytes / server.max_memory_bytes) * 100;
  return `${percent.toFixed(1)} % of maxmemory (${used} of ${formatCount(Math.round(mebibytes(server.max_memory_bytes)))} MiB)`;
}

/**
 * The Redis server's health: memory against maxmemory, clients and ops/s now, and their trends
 * from the collector's samples (seed 003's panels). Server component; the chart is the shared one.
 */
export async function RedisServerPanel({ server }: { server: ServerJson | null }) {
  const { points, unavailable, fromMs, toMs } = await loadRedisServerChart(trendSpanMs);
  const limited = (server?.max_memory_bytes ?? 0) > 0;
  const series: LagChartSeries[] = [
    { id: 'memory', label: 'Memory used', unit: limited ? '%' : 'MiB' },
    { id: 'clients', label: 'Connected clients', unit: 'clients' },
    { id: 'ops', label: 'Operations', unit: 'ops/s' },
  ];
  return (
    <section className="card" aria-labelledby="redis-server" data-testid="redis-server">
      <h2 id="redis-server">Redis server</h2>
      {server === null ? <p className="banner" role="alert">INFO could not be read: server figures are missing.</p> : (
        <dl className="facts">
          <div><dt>Version</dt><dd>{server.version}</dd></div>
          <div><dt>Memory</dt><dd data-testid="redis-memory">{describeMemory(server)}</dd></div>
          <div><dt>Connected clients</dt><dd>{formatCount(server.connected_clients)}</dd></div>
          <div><dt>Operations</dt><dd>{formatCount(server.ops_per_second)} ops/s</dd></div>
        </dl>
      )}
      {unavailable ? <p className="banner" role="alert">The server history could not be read; the server log has details.</p> : null}
      {points.length === 0 && !unavailable ? <p className="muted">No samples yet: the collector writes one with every snapshot.</p> : (
        <LagChart title="Redis server" subtitle="last 6 hours" series={series} points={points} fromMs={fromMs} toMs={toMs} fileName="redis-server-6h" />
      )}
    </section>
  );
}
