import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { chartRangeLabels, describeChartResource, seriesDefinition } from '@/lib/share/chart-binding';
import { loadSharedChartData } from '@/lib/share/chart-data';
import { resolveSharedChart } from '@/lib/share/shared-chart';
import { LagChart, type LagChartSeries } from '@/components/share/lag-chart';
import styles from '@/components/share/share.module.css';

export const dynamic = 'force-dynamic';

type PageProps = { params: Promise<{ token: string }> };

const utcTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

const coverageNotes = {
  history: null,
  recent: 'Stored history is not available for this chart yet; it shows the observations kept in memory, the most recent minutes of the range.',
  live: 'Only the current observation is available for this chart.',
} as const;

// Link previews and search engines must not index or follow a token; the token must not travel in a Referer.
export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const resolution = await resolveSharedChart((await params).token);
  const title = resolution.status === 'active'
    ? `${describeChartResource(resolution.chart.binding)} · ${chartRangeLabels[resolution.chart.binding.range]} · Lagboard`
    : 'Shared chart unavailable · Lagboard';
  return { title, robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Public and read-only: one chart, its data read here on the server, no navigation, no API. */
export default async function SharedChartPage({ params }: PageProps) {
  const resolution = await resolveSharedChart((await params).token);
  if (resolution.status !== 'active') notFound();
  const { binding, sharedBy, expiresAt } = resolution.chart;
  const data = await loadSharedChartData(binding);
  const series: LagChartSeries[] = binding.series.flatMap((seriesId) => {
    const definition = seriesDefinition(binding.kind, seriesId);
    return definition ? [{ id: seriesId, label: definition.label, unit: definition.unit }] : [];
  });
  const title = `${describeChartResource(binding)} — ${chartRangeLabels[binding.range]}`;
  const subtitle = `Shared by ${sharedBy} · expires at ${utcTime.format(expiresAt)} UTC`;
  const note = data.unavailable ? null : data.points.length === 0 ? 'No data for this chart in this range.' : coverageNotes[data.coverage];
  return (
    <main className={styles.page}>
      <h1>{title}</h1>
      <p className={styles.meta}>{subtitle}</p>
      {data.unavailable ? <div className="banner" role="alert">The data source cannot be read right now; try again in a minute.</div> : null}
      <LagChart title={title} subtitle={subtitle} series={series} points={data.points} fromMs={data.fromMs} toMs={data.toMs}
        fileName={`lagboard-${binding.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${binding.range}`} />
      {note ? <p className={styles.note}>{note}</p> : null}
    </main>
  );
}
