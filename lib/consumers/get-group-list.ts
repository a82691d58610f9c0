import 'server-only';
import { ownershipResolver, type ResourceOwnership } from '@/lib/teams/teams-for-resource';
import { groupListView } from './group-list-view';
import { loadObservation } from './load-observation';
import { withListHistory, type GroupListWithTimeLagJson } from './merge-time-lags';
import { readGroupListHistoryOrNull } from './time-lags';

/**
 * The list with the ownership lookup it was judged with, for callers that need each group's
 * thresholds again (the overview's alerts) without reading the teams a second time.
 */
export async function loadGroupList(clusterId: string): Promise<{ list: GroupListWithTimeLagJson; ownership: (groupId: string) => ResourceOwnership }> {
  const [observation, history, ownership] = await Promise.all([
    loadObservation(clusterId),
    readGroupListHistoryOrNull(clusterId),
    ownershipResolver('kafka_group', clusterId),
  ]);
  return { list: withListHistory(groupListView(observation, ownership), history), ownership };
}

/** GET /groups: no window and no partition history is read, so the list stays cheap for thousands of groups. */
export async function getGroupList(clusterId: string): Promise<GroupListWithTimeLagJson> {
  return (await loadGroupList(clusterId)).list;
}
