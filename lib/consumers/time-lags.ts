import 'server-only';
import { getGroupListHistory, getLatestTimeLags, type GroupListHistory } from '@/lib/history';
import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import { describeError, log } from '@/lib/log';

/**
 * History joined onto a live view is optional: without a database, on a database error or before
 * the first snapshot the view is still served, with these figures null.
 */
async function snapshotReadOrNull<Reading extends { takenAtMs: number | null }>(
  event: string,
  clusterId: string,
  read: (clusterId: string) => Promise<Reading>,
): Promise<Reading | null> {
  try {
    const reading = await read(clusterId);
    return reading.takenAtMs === null ? null : reading;
  } catch (error) {
    log.warn(event, { cluster: clusterId, reason: describeError(error) });
    return null;
  }
}

/** The collector's newest time lags for a cluster. */
export const readTimeLagsOrNull = (clusterId: string): Promise<LatestTimeLags | null> =>
  snapshotReadOrNull('consumers.time_lag_unavailable', clusterId, getLatestTimeLags);

/** The groups list's status, time lag and sparkline. */
export const readGroupListHistoryOrNull = (clusterId: string): Promise<GroupListHistory | null> =>
  snapshotReadOrNull('consumers.list_history_unavailable', clusterId, getGroupListHistory);
