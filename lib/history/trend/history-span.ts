import 'server-only';
import { getDb } from '@/lib/db';
import { fittingChartRange } from '@/lib/share/fitting-range';
import type { ChartRange } from '@/lib/share/chart-catalogue';
import { readStorageBounds } from './series-shape';

/** The range a trend chart opens with: one that fits the stored history (the default when it cannot be read). */
export async function readFittingChartRange(): Promise<ChartRange> {
  try {
    // The oldest raw snapshot: raw rows are kept RETENTION_RAW (48 h), far beyond the 6-hour cap, so
    // once they have been trimmed the span is long anyway and the default applies.
    const { oldestRawMs } = await readStorageBounds(await getDb());
    return fittingChartRange(oldestRawMs === null ? null : Date.now() - oldestRawMs);
  } catch {
    return fittingChartRange(null);
  }
}
