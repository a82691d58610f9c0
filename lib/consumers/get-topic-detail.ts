import 'server-only';
import { groupLagsByGroupId } from '@/lib/analysis';
import { getConfig } from '@/lib/config';
import { analysisSettingsFrom } from './analysis-settings';
import { analysisSettingsForGroup } from './group-settings';
import { findTopic, loadGroupAnalysis, loadObservation } from './load-observation';
import { topicDetailView, type TopicDetailJson } from './topic-detail-view';
import { topicShares } from './topic-share';

export async function getTopicDetail(clusterId: string, topicName: string): Promise<TopicDetailJson> {
  const observation = await loadObservation(clusterId);
  const topic = findTopic(observation, topicName);
  const settings = analysisSettingsFrom(getConfig());
  const shares = topicShares(observation, groupLagsByGroupId(observation), topic.name);
  const analyzed = await Promise.all(shares.map(async (share) => ({
    share,
    // Each group is judged by its own team's thresholds; the topic-level figures use the global ones.
    analysis: (await loadGroupAnalysis(observation, share.group, share.groupLag, await analysisSettingsForGroup(clusterId, share.group.groupId))).analysis,
  })));
  return topicDetailView(observation, topic, analyzed, settings);
}
