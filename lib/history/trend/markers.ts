import type { SqlClient } from '../sql-client';
import type { TimeRange } from './plan';
import { isoTime } from './series-shape';

export interface GroupMarker {
  time: string;
  /** A rebalance (as the rebalance score counts it) or another state change. */
  kind: 'rebalance' | 'state_change';
  previous_state: string;
  state: string;
  previous_generation_or_epoch: number | null;
  generation_or_epoch: number | null;
}

/** The newest markers are kept when a range holds more than this. */
export const MAX_MARKERS = 1_000;

interface MarkerRow {
  time_ms: number;
  rebalance: boolean;
  previous_state: string;
  state: string;
  previous_generation_or_epoch: number | null;
  generation_or_epoch: number | null;
}

/** State changes and rebalances of a group in the range, oldest first (kept as long as rollups). */
export async function readGroupMarkers(sql: SqlClient, groupRef: number, range: TimeRange): Promise<{ markers: GroupMarker[]; truncated: boolean }> {
  const rows = await sql.$queryRawUnsafe<MarkerRow[]>(
    `SELECT (extract(epoch FROM "takenAt") * 1000)::float8 AS time_ms, rebalance, "previousState" AS previous_state, state,
       "previousGenerationOrEpoch" AS previous_generation_or_epoch, "generationOrEpoch" AS generation_or_epoch
     FROM "HistoryGroupEvent"
     WHERE "groupRef" = $1 AND "takenAt" >= to_timestamp($2::float8 / 1000) AND "takenAt" < to_timestamp($3::float8 / 1000)
     ORDER BY "takenAt" DESC LIMIT $4`,
    groupRef,
    range.fromMs,
    range.toMs,
    MAX_MARKERS + 1,
  );
  const markers = rows.slice(0, MAX_MARKERS).reverse().map((row): GroupMarker => ({
    time: isoTime(row.time_ms),
    kind: row.rebalance ? 'rebalance' : 'state_change',
    previous_state: row.previous_state,
    state: row.state,
    previous_generation_or_epoch: row.previous_generation_or_epoch,
    generation_or_epoch: row.generation_or_epoch,
  }));
  return { markers, truncated: rows.length > MAX_MARKERS };
}
