import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db';
import { getGroupTrend } from './get-group-trend';

/** Rebalances and state changes of a group in a range, as chart markers; none without history. */
export async function loadGroupMarkers(clusterId: string, groupId: string, range: { fromMs: number; toMs: number }) {
  try {
    const trend = await getGroupTrend(await getDb(), { clusterId, groupId, range, requestedStepMs: null });
    return trend.markers.map((marker) => ({
      atMs: Date.parse(marker.time),
      label: marker.kind === 'rebalance' ? `rebalance → ${marker.state}` : `${marker.previous_state} → ${marker.state}`,
    }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}
