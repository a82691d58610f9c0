import type { RedisStreamGroupObservation } from '@/lib/observations/redis';
import { groupLag } from './lag-reading';

/**
 * How every events endpoint writes a group's lag: `lag` is always a number, as in the seed
 * (-1 when it cannot be told at all), `lag_estimated` says Lagboard counted it because Redis
 * reported nil, `lag_at_least` says the count stopped at its limit, and `redis_lag` is exactly
 * what XINFO GROUPS printed (null for nil or absent).
 */
export interface GroupLagJson {
  lag: number;
  lag_estimated: boolean;
  lag_at_least: boolean;
  redis_lag: number | null;
}

export function groupLagJson(group: RedisStreamGroupObservation): GroupLagJson {
  const reading = groupLag(group);
  return {
    lag: reading?.lag ?? -1,
    lag_estimated: reading?.estimated ?? false,
    lag_at_least: reading?.atLeast ?? false,
    redis_lag: group.lag,
  };
}

/** A group as the streams list shows it. */
export interface GroupSummaryJson extends GroupLagJson {
  name: string;
  consumers: number;
  pending: number;
  last_delivered_id: string;
  entries_read: number | null;
  error?: string;
}

export function groupSummaryJson(group: RedisStreamGroupObservation): GroupSummaryJson {
  const summary: GroupSummaryJson = {
    name: group.name,
    consumers: group.consumerCount,
    pending: group.pending,
    last_delivered_id: group.lastDeliveredId,
    entries_read: group.entriesRead,
    ...groupLagJson(group),
  };
  return group.error === undefined ? summary : { ...summary, error: group.error };
}
