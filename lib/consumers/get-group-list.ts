import 'server-only';
import { groupListView } from './group-list-view';
import { loadObservation } from './load-observation';
import { withListTimeLags, type GroupListWithTimeLagJson } from './merge-time-lags';
import { readTimeLagsOrNull } from './time-lags';

/** GET /groups: no window is read, so the list stays cheap for thousands of groups. */
export async function getGroupList(clusterId: string): Promise<GroupListWithTimeLagJson> {
  const [observation, timeLags] = await Promise.all([loadObservation(clusterId), readTimeLagsOrNull(clusterId)]);
  return withListTimeLags(groupListView(observation), timeLags);
}
