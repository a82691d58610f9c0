import 'server-only';
import { groupLagsByGroupId } from '@/lib/analysis';
import { findTopic, loadObservation } from './load-observation';
import { topicConsumersView, type TopicConsumersJson } from './topic-consumers-view';
import { topicShares } from './topic-share';

export async function getTopicConsumers(clusterId: string, topicName: string): Promise<TopicConsumersJson> {
  const observation = await loadObservation(clusterId);
  const topic = findTopic(observation, topicName);
  return topicConsumersView(observation, topic, topicShares(observation, groupLagsByGroupId(observation), topic.name));
}
