import { chartRangeNames, chartRanges, type ChartRange } from './chart-catalogue';

/** The range a chart opens with when none is asked for: 6 hours, unless the history is shorter. */
export const defaultChartRange: ChartRange = '6h';

/**
 * The smallest range that holds the whole history, at most the default: with 40 minutes of
 * snapshots a chart opens on 1 hour, not on 6 hours two-thirds empty. No history: the default.
 */
export function fittingChartRange(historySpanMs: number | null): ChartRange {
  if (historySpanMs === null) return defaultChartRange;
  const fitting = chartRangeNames.find((range) => chartRanges[range] >= historySpanMs) ?? defaultChartRange;
  return chartRanges[fitting] < chartRanges[defaultChartRange] ? fitting : defaultChartRange;
}
