import type { LatestTimeLags } from '@/lib/history/latest-time-lags';
import type { GroupDetailJson } from './group-detail-view';
import type { GroupListJson } from './group-list-view';

/**
 * Lag in seconds comes from the collector's snapshots (it needs log-end offsets over time), so
 * it is joined onto the live views here: null where no snapshot knows the group or partition.
 */
export function withListTimeLags(list: GroupListJson, timeLags: LatestTimeLags | null) {
  const byGroup = new Map(timeLags?.groups.map((group) => [group.groupId, group.lagSecondsMax]) ?? []);
  return {
    ...list,
    time_lag_taken_at: timeLags?.takenAtMs ? new Date(timeLags.takenAtMs).toISOString() : null,
    groups: list.groups.map((group) => ({ ...group, lag_seconds_max: byGroup.get(group.group_id) ?? null })),
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

export type GroupListWithTimeLagJson = ReturnType<typeof withListTimeLags>;
export type GroupDetailWithTimeLagJson = ReturnType<typeof withDetailTimeLags>;
