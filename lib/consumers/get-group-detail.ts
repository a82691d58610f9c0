import 'server-only';
import { groupDetailView, type GroupDetailJson } from './group-detail-view';
import { findGroup, loadObservation } from './load-observation';

export async function getGroupDetail(clusterId: string, groupId: string): Promise<GroupDetailJson> {
  const observation = await loadObservation(clusterId);
  const { group, groupLag } = findGroup(observation, groupId);
  return groupDetailView(observation, group, groupLag);
}
