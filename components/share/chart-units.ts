/**
 * Human units for chart axes and tooltips: lag in time as "45 s", "12 min", "1.8 h", "2.1 d"
 * instead of raw seconds, counts as "950", "8.2k", "1.3M".
 */

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const exactFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatSecondsHuman(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return `${exactFormat.format(seconds)} s`;
  if (magnitude < 3600) return `${exactFormat.format(seconds / 60)} min`;
  if (magnitude < 86_400) return `${exactFormat.format(seconds / 3600)} h`;
  return `${exactFormat.format(seconds / 86_400)} d`;
}

/** An axis tick: compact, the unit is in the axis title (durations carry theirs). */
export function formatAxisValue(value: number, unit: string): string {
  if (unit === 's') return formatSecondsHuman(value);
  return compactFormat.format(value);
}

/** A tooltip value: exact, with its unit. */
export function formatTooltipValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 's') return formatSecondsHuman(value);
  return `${exactFormat.format(value)} ${unit}`;
}

/** What a unit measures, for the heading of its small chart. */
export function measureName(unit: string): string {
  const names: Record<string, string> = {
    s: 'Lag in time', messages: 'Lag (messages)', entries: 'Entries (lag, pending)', members: 'Members', consumers: 'Consumers',
    '%': 'Memory (% of maxmemory)', MiB: 'Memory (MiB, no limit)', clients: 'Connected clients', 'ops/s': 'Operations per second',
  };
  return names[unit] ?? unit;
}

/**
 * The start of the time axis: the range's start, or the first point when the history is shorter,
 * so a chart with 40 minutes of data over a 6-hour range is not two-thirds empty.
 */
export function fittedStartMs(fromMs: number, toMs: number, firstPointMs: number | null): number {
  if (firstPointMs === null || firstPointMs <= fromMs) return fromMs;
  // A little room before the first point, and never less than five minutes of axis.
  const paddedMs = firstPointMs - Math.max(60_000, (toMs - firstPointMs) * 0.03);
  return Math.max(fromMs, Math.min(paddedMs, toMs - 5 * 60_000));
}
