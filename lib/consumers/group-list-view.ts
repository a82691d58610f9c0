import { groupLagsByGroupId } from '@/lib/analysis';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { errorsFor, isoTime, type ObservationErrorJson } from './json-shapes';

/** Seed 004's ConsumerGroupWithLagResponse: the group with its LagMetrics, flat. */
export interface GroupListItemJson {
  group_id: string;
  type: 'classic' | 'consumer';
  state: string;
  partition_assignor: string | null;
  member_count: number;
  topics: string[];
  lag_p50: number;
  lag_p95: number;
  lag_max: number;
  total_lag: number;
  /** Partitions with a known lag, which the four figures above cover. */
  partition_count: number;
  never_committed_count: number;
  data_loss_count: number;
}

export interface GroupListJson {
  cluster_id: string;
  observed_at: string;
  group_count: number;
  groups: GroupListItemJson[];
  errors: ObservationErrorJson[];
}

/** Every group of the cluster with lag statistics; no window is read, so this stays cheap for thousands of groups. */
export function groupListView(observation: KafkaClusterObservation): GroupListJson {
  const lags = groupLagsByGroupId(observation);
  const groups: GroupListItemJson[] = [];
  for (const group of observation.groups) {
    const groupLag = lags.get(group.groupId);
    if (!groupLag) continue;
    groups.push({
      group_id: group.groupId,
      type: group.groupType,
      state: group.state,
      partition_assignor: group.assignor,
      member_count: group.members.length,
      topics: groupLag.topics,
      lag_p50: groupLag.lag.lag_p50,
      lag_p95: groupLag.lag.lag_p95,
      lag_max: groupLag.lag.lag_max,
      total_lag: groupLag.lag.total_lag,
      partition_count: groupLag.lag.partition_count,
      never_committed_count: groupLag.never_committed_count,
      data_loss_count: groupLag.data_loss_count,
    });
  }
  return {
    cluster_id: observation.clusterId,
    observed_at: isoTime(observation.observedAtMs),
    group_count: groups.length,
    groups,
    errors: errorsFor(observation, null),
  };
}
