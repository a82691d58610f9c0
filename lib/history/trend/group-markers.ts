import 'server-only';
import { getDb } from '@/lib/db';
import { findNameRef } from '../name-refs';
import { readGroupMarkers } from './markers';

/**
 * Rebalances and state changes of a group in a range, as chart markers; none without history.
 * Reads the marker table only: the chart's series are read once, by the chart itself.
 */
export async function loadGroupMarkers(clusterId: string, groupId: string, range: { fromMs: number; toMs: number }) {
  const database = await getDb();
  const groupRef = await findNameRef(database, 'kafkaGroup', clusterId, groupId);
  if (groupRef === null) return [];
  const { markers } = await readGroupMarkers(database, groupRef, range);
  return markers.map((marker) => ({
    atMs: Date.parse(marker.time),
    label: marker.kind === 'rebalance' ? `rebalance → ${marker.state}` : `${marker.previous_state} → ${marker.state}`,
  }));
}
