import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import type { GroupListHistory } from '@/lib/history/group-list-history';
import type { GroupDetailJson } from './group-detail-view';
import type { GroupListJson } from './group-list-view';

/**
 * Lag in seconds and Burrow status come from the collector's snapshots (they need offsets over
 * time), so they are joined onto the live views here: null where no snapshot knows the group.
 */
export function withListHistory(list: GroupListJson, history: GroupListHistory | null) {
  const byGroup = new Map(history?.groups.map((group) => [group.groupId, group]) ?? []);
  return {
    ...list,
    time_lag_taken_at: history?.takenAtMs ? new Date(history.takenAtMs).toISOString() : null,
    sparkline_span_seconds: history ? history.spanMs / 1_000 : null,
    groups: list.groups.map((group) => {
      const stored = byGroup.get(group.group_id);
      return { ...group, lag_seconds_max: stored?.lagSecondsMax ?? null, status: stored?.status ?? null, lag_sparkline: stored?.totalLagSparkline ?? [] };
    }),
  };
}

export function withDetailTimeLags(detail: GroupDetailJson, timeLags: LatestTimeLags | null) {
  const group = timeLags?.groups.find((candidate) => candidate.groupId === detail.group_id);
  const byPartition = new Map(group?.partitions.map((partition) => [`${partition.topic}\u0000${partition.partition}`, partition.lagSeconds]) ?? []);
  return {
    ...detail,
    lag_seconds_max: group?.lagSecondsMax ?? null,
    time_lag_taken_at: timeLags?.takenAtMs ? new Date(timeLags.takenAtMs).toISOString() : null,
    partitions: detail.partitions.map((partition) => ({ ...partition, lag_seconds: byPartition.get(`${partition.topic}\u0000${partition.partition}`) ?? null })),
  };
}

export type GroupListWithTimeLagJson = ReturnType<typeof withListHistory>;
export type GroupDetailWithTimeLagJson = ReturnType<typeof withDetailTimeLags>;
