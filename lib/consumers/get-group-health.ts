import 'server-only';
import { getConfig } from '@/lib/config';
import { analysisSettingsForGroup } from './group-settings';
import { groupHealthView, type GroupHealthJson } from './group-health-view';
import { groupScaling, type GroupScalingJson } from './group-scaling';
import { findGroup, loadGroupAnalysis, loadObservation } from './load-observation';

export async function getGroupHealth(clusterId: string, groupId: string): Promise<GroupHealthJson & { scaling: GroupScalingJson }> {
  const observation = await loadObservation(clusterId);
  const { group, groupLag } = findGroup(observation, groupId);
  const settings = await analysisSettingsForGroup(clusterId, group.groupId);
  const { points, analysis } = await loadGroupAnalysis(observation, group, groupLag, settings);
  return {
    ...groupHealthView({ observation, groupLag, analysis, points, settings }),
    scaling: groupScaling(groupLag, points, getConfig().scaling.lagThresholdPerMember),
  };
}
