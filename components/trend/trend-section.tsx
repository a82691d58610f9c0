import Link from 'next/link';
import { LagChart } from '@/components/share/lag-chart';
import { ShareButton } from '@/components/share/share-button';
import { chartRangeLabels, chartRangeNames, describeChartResource, seriesCatalogue, type ChartBinding, type ChartRange } from '@/lib/share/chart-binding';
import { loadSharedChartData } from '@/lib/share/chart-data';

export interface TrendMarker {
  atMs: number;
  label: string;
  /** `alert`: an alert fired or resolved (drawn dotted); otherwise a rebalance or state change. */
  kind?: 'group' | 'alert';
}

/** A range from the URL (`?range=`), so a chart view can be bookmarked; anything else falls back to `fallback` (one that fits the history). */
export function parseChartRange(value: string | string[] | undefined, fallback: ChartRange = '6h'): ChartRange {
  return typeof value === 'string' && (chartRangeNames as string[]).includes(value) ? (value as ChartRange) : fallback;
}

/**
 * The trend chart of a group or stream group over a chosen range, with its markers, PNG/SVG
 * export and "Share". The same data function serves the public share page, so what is shared is
 * exactly what is shown here.
 */
export async function TrendSection({ binding, basePath, markers = [], canShare }: {
  binding: Omit<ChartBinding, 'series'>;
  basePath: string;
  markers?: TrendMarker[];
  canShare: boolean;
}) {
  const fullBinding: ChartBinding = { ...binding, series: Object.keys(seriesCatalogue[binding.kind]) };
  const data = await loadSharedChartData(fullBinding);
  const catalogue: Record<string, { label: string; unit: string }> = seriesCatalogue[binding.kind];
  const series = fullBinding.series.map((id) => ({ id, label: catalogue[id]?.label ?? id, unit: catalogue[id]?.unit ?? '' }));
  const title = describeChartResource(fullBinding);
  return (
    <section className="card" aria-labelledby={`trend-${binding.group ?? binding.name}`}>
      <h2 id={`trend-${binding.group ?? binding.name}`}>Trend</h2>
      <nav className="table-tools" aria-label="Chart range">
        {chartRangeNames.map((range) => (
          <Link key={range} href={`${basePath}?range=${range}`} aria-current={range === binding.range ? 'true' : undefined}
            className={range === binding.range ? 'badge ok' : 'badge'} scroll={false}>{range}</Link>
        ))}
        {canShare ? <ShareButton binding={fullBinding} /> : null}
      </nav>
      {data.unavailable ? <p className="banner" role="alert">The history could not be read; the server log has details.</p> : null}
      {data.coverage === 'live' && !data.unavailable ? (
        <p className="muted">No stored history for this range yet: the collector writes a snapshot every interval; showing live points only.</p>
      ) : null}
      <LagChart title={title} subtitle={chartRangeLabels[binding.range]} series={series} points={data.points}
        fromMs={data.fromMs} toMs={data.toMs} fileName={`${binding.name}-${binding.range}`.replace(/[^\w.-]+/g, '_')} markers={markers} />
    </section>
  );
}
