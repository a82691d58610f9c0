import 'server-only';
import { analysisSettingsForGroup } from './group-settings';
import { groupHealthView, type GroupHealthJson } from './group-health-view';
import { findGroup, loadGroupAnalysis, loadObservation } from './load-observation';

export async function getGroupHealth(clusterId: string, groupId: string): Promise<GroupHealthJson> {
  const observation = await loadObservation(clusterId);
  const { group, groupLag } = findGroup(observation, groupId);
  const settings = await analysisSettingsForGroup(clusterId, group.groupId);
  const { points, analysis } = await loadGroupAnalysis(observation, group, groupLag, settings);
  return groupHealthView({ observation, groupLag, analysis, points, settings });
}
