import 'server-only';
import { groupDetailView } from './group-detail-view';
import { findGroup, loadObservation } from './load-observation';
import { withDetailTimeLags, type GroupDetailWithTimeLagJson } from './merge-time-lags';
import { readTimeLagsOrNull } from './time-lags';

export async function getGroupDetail(clusterId: string, groupId: string): Promise<GroupDetailWithTimeLagJson> {
  const [observation, timeLags] = await Promise.all([loadObservation(clusterId), readTimeLagsOrNull(clusterId)]);
  const { group, groupLag } = findGroup(observation, groupId);
  return withDetailTimeLags(groupDetailView(observation, group, groupLag), timeLags);
}
