import Link from 'next/link';
import { LagChart, type LagChartSeries } from '@/components/share/lag-chart';
import { loadOverviewTrends } from '@/lib/history/trend/load-overview-trends';
import type { TeamScope } from '@/lib/teams/team-scope';

const kafkaSeries: LagChartSeries[] = [
  { id: 'total_lag', label: 'Total lag', unit: 'messages' },
  { id: 'lag_seconds', label: 'Worst lag in time', unit: 's' },
];
const redisSeries: LagChartSeries[] = [{ id: 'total_lag', label: 'Total lag (all stream groups)', unit: 'entries' }];

/** The last 6 hours of total lag and lag in time per cluster, and Redis's total stream lag, in the viewer's scope. */
export async function OverviewTrendsCard({ clusterIds, scope }: { clusterIds: readonly string[]; scope: TeamScope }) {
  const { trends, unavailable, fromMs, toMs } = await loadOverviewTrends(clusterIds, scope);
  return (
    <section className="card" aria-labelledby="overview-trends" data-testid="overview-trends">
      <h2 id="overview-trends">Trends — last 6 hours</h2>
      {unavailable ? <p className="banner" role="alert">The history could not be read; the server log has details.</p> : null}
      {trends.map((trend) => (
        <div key={trend.id} data-trend={trend.id}>
          <h3>{trend.kind === 'kafka' ? <Link href={`/clusters/${encodeURIComponent(trend.id)}/groups`}>{trend.title}</Link> : <Link href="/streams">{trend.title}</Link>}</h3>
          {trend.points.length === 0 ? <p className="muted">No snapshots in the last 6 hours yet: the collector writes one every interval.</p> : (
            <LagChart title={trend.title} subtitle="last 6 hours" series={trend.kind === 'kafka' ? kafkaSeries : redisSeries} points={trend.points}
              fromMs={fromMs} toMs={toMs} fileName={`${trend.id}-overview-6h`.replace(/[^\w.-]+/g, '_')} />
          )}
        </div>
      ))}
    </section>
  );
}
