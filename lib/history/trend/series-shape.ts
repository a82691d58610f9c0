import type { SeriesPlan, TimeRange } from './plan';
import type { SqlClient } from '../sql-client';

/** min/avg/max of one metric over a bucket; all null when no sample had a value. */
export interface Stats {
  min: number | null;
  avg: number | null;
  max: number | null;
}

/** Columns `<name>_min`, `<name>_avg`, `<name>_max` of a series row, as numbers. */
export function statsOf(row: Record<string, unknown>, name: string): Stats {
  const read = (suffix: string) => {
    const value = row[`${name}_${suffix}`];
    return typeof value === 'number' ? value : null;
  };
  return { min: read('min'), avg: read('avg'), max: read('max') };
}

export const isoTime = (timeMs: number) => new Date(timeMs).toISOString();

/** What every trend response says about how it was read. */
export function seriesFrame(range: TimeRange, plan: SeriesPlan) {
  const part = (value: TimeRange | null) => (value === null ? null : { from: isoTime(value.fromMs), to: isoTime(value.toMs) });
  return {
    from: isoTime(range.fromMs),
    to: isoTime(range.toMs),
    step_ms: plan.stepMs,
    sources: { rollup: part(plan.rollup), raw: part(plan.raw) },
  };
}

export interface StorageBounds {
  rolledUntilMs: number | null;
  oldestRawMs: number | null;
}

/** The rollup watermark and the oldest raw snapshot, in one round trip. */
export async function readStorageBounds(sql: SqlClient): Promise<StorageBounds> {
  const [row] = await sql.$queryRawUnsafe<{ rolled_until_ms: number | null; oldest_raw_ms: number | null }[]>(
    `SELECT (SELECT extract(epoch FROM "rolledUntil") * 1000 FROM "HistoryRollupWatermark" WHERE name = 'history')::float8 AS rolled_until_ms,
       (SELECT extract(epoch FROM min("takenAt")) * 1000 FROM "HistorySnapshot")::float8 AS oldest_raw_ms`,
  );
  return { rolledUntilMs: row?.rolled_until_ms ?? null, oldestRawMs: row?.oldest_raw_ms ?? null };
}
