import 'server-only';
import { getConfig } from '@/lib/config';
import { resolveThresholds } from '@/lib/teams/resolve-thresholds';
import { teamsForResource } from '@/lib/teams/teams-for-resource';
import { analysisSettingsFrom, type ConsumerAnalysisSettings } from './analysis-settings';

/** The analysis settings of one group: the global thresholds with its owning teams' overrides. */
export async function analysisSettingsForGroup(clusterId: string, groupId: string): Promise<ConsumerAnalysisSettings> {
  const config = getConfig();
  const thresholds = resolveThresholds(config.thresholds, await teamsForResource('kafka_group', groupId, clusterId));
  return analysisSettingsFrom({ ...config, thresholds });
}
