import 'server-only';
import { getGroupListHistory, getLatestTimeLags, type GroupListHistory } from '@/lib/history';
import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import { describeError, log } from '@/lib/log';

/** The collector's newest time lags for a cluster; null without a database or before any snapshot. */
export async function readTimeLagsOrNull(clusterId: string): Promise<LatestTimeLags | null> {
  try {
    const timeLags = await getLatestTimeLags(clusterId);
    return timeLags.takenAtMs === null ? null : timeLags;
  } catch (error) {
    log.warn('consumers.time_lag_unavailable', { cluster: clusterId, reason: describeError(error) });
    return null;
  }
}

/** The groups list's status, time lag and sparkline; null without a database or before any snapshot. */
export async function readGroupListHistoryOrNull(clusterId: string): Promise<GroupListHistory | null> {
  try {
    const history = await getGroupListHistory(clusterId);
    return history.takenAtMs === null ? null : history;
  } catch (error) {
    log.warn('consumers.list_history_unavailable', { cluster: clusterId, reason: describeError(error) });
    return null;
  }
}
