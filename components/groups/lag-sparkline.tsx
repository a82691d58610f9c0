import { formatCount } from '@/components/format';

const widthPx = 80;
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const heightPx = 22;

/** The change over the sparkline (last minus first): positive when the group falls behind. */
export function sparklineChange(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  return (values[values.length - 1] as number) - (values[0] as number);
}

/**
 * A line of total lag over time, scaled to its own maximum, drawn without a charting library:
 * a page of the groups list holds a hundred of them. The label states the figures it draws.
 */
export function LagSparkline({ values, spanLabel }: { values: readonly number[]; spanLabel: string }) {
  if (values.length < 2) return <span className="muted" title="Needs two collector snapshots">—</span>;
  const maximum = Math.max(...values, 1);
  const stepPx = widthPx / (values.length - 1);
  const points = values.map((value, index) => `${(index * stepPx).toFixed(1)},${(heightPx - 1 - (value / maximum) * (heightPx - 2)).toFixed(1)}`).join(' ');
  const change = sparklineChange(values) ?? 0;
  const label = `Total lag over the last ${spanLabel}: from ${formatCount(values[0] as number)} to ${formatCount(values[values.length - 1] as number)} messages, peak ${formatCount(Math.max(...values))}`;
  return (
    <span className="sparkline-cell">
    <svg className={`sparkline ${change > 0 ? 'rising' : 'steady'}`} width={widthPx} height={heightPx} viewBox={`0 0 ${widthPx} ${heightPx}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
      {/* The scale in figures: where the line starts and ends, and its peak (the top of the box). */}
      <span className="sparkline-values" aria-hidden="true">{compact.format(values[0] as number)} → {compact.format(values[values.length - 1] as number)}<br />peak {compact.format(Math.max(...values))}</span>
    </span>
  );
}
