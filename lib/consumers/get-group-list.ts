import 'server-only';
import { ownershipResolver } from '@/lib/teams/teams-for-resource';
import { groupListView } from './group-list-view';
import { loadObservation } from './load-observation';
import { withListHistory, type GroupListWithTimeLagJson } from './merge-time-lags';
import { readGroupListHistoryOrNull } from './time-lags';

/** GET /groups: no window and no partition history is read, so the list stays cheap for thousands of groups. */
export async function getGroupList(clusterId: string): Promise<GroupListWithTimeLagJson> {
  const [observation, history, ownership] = await Promise.all([
    loadObservation(clusterId),
    readGroupListHistoryOrNull(clusterId),
    ownershipResolver('kafka_group', clusterId),
  ]);
  return withListHistory(groupListView(observation, ownership), history);
}
