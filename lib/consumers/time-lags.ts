import 'server-only';
import { getLatestTimeLags } from '@/lib/history';
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
