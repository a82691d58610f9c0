import 'server-only';
import { groupListView, type GroupListJson } from './group-list-view';
import { loadObservation } from './load-observation';

/** GET /groups: no window is read, so the list stays cheap for thousands of groups. */
export async function getGroupList(clusterId: string): Promise<GroupListJson> {
  return groupListView(await loadObservation(clusterId));
}
