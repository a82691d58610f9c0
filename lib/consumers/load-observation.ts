import 'server-only';
import { groupLagsByGroupId, type GroupLag } from '@/lib/analysis';
import { ApiError, notFound } from '@/lib/api/errors';
import { getGroupHistoryWindow } from '@/lib/history';
import { groupWindowPoint, type GroupWindowPoint } from '@/lib/history/group-window';
import type { KafkaClusterObservation, KafkaGroupObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { getKafkaObservation } from '@/lib/sources/kafka';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import { analyzeGroup, type GroupAnalysis } from './analyze-group';

/**
 * The cached observation of a cluster (404 for an unknown cluster id). A cluster that could not be
 * reached at all is a 503: answering with an empty group list, or 404 for every group, would
 * read as "no consumers" instead of "Kafka is down".
 */
export async function loadObservation(clusterId: string): Promise<KafkaClusterObservation> {
  const observation = await getKafkaObservation(clusterId);
  const clusterError = observation.errors.find((error) => error.scope === 'cluster');
  if (observation.brokers.length === 0 && clusterError) {
    throw new ApiError(503, 'source_unavailable', `Kafka cluster "${clusterId}" could not be observed: ${clusterError.message}`);
  }
  return observation;
}

export function findGroup(observation: KafkaClusterObservation, groupId: string): { group: KafkaGroupObservation; groupLag: GroupLag } {
  const group = observation.groups.find((candidate) => candidate.groupId === groupId);
  const groupLag = group && groupLagsByGroupId(observation).get(groupId);
  if (!group || !groupLag) {
    throw notFound(`No consumer group "${groupId}" in cluster "${observation.clusterId}"`);
  }
  return { group, groupLag };
}

export function findTopic(observation: KafkaClusterObservation, topicName: string): KafkaTopicObservation {
  const topic = observation.topics.find((candidate) => candidate.name === topicName);
  if (!topic) {
    throw notFound(`No topic "${topicName}" in cluster "${observation.clusterId}"`);
  }
  return topic;
}

/**
 * The group's window ending with this observation. The source records every fresh observation
 * before handing it out, so the current point is normally there already; it is added when the
 * window missed it (a failed record), so the analyses always see the state the API shows.
 */
export async function loadGroupPoints(
  observation: KafkaClusterObservation,
  group: KafkaGroupObservation,
  groupLag: GroupLag,
  lookbackMs: number,
): Promise<GroupWindowPoint[]> {
  const points = await getGroupHistoryWindow().recentPoints(observation.clusterId, group.groupId, observation.observedAtMs - lookbackMs);
  const relevant = points.filter((point) => point.observedAtMs <= observation.observedAtMs);
  const newest = relevant[relevant.length - 1];
  if (!newest || newest.observedAtMs < observation.observedAtMs) {
    relevant.push(groupWindowPoint(groupLag, group.generationOrEpoch, observation.observedAtMs));
  }
  return relevant;
}

/** The group's window and its analysis at the time of the observation. */
export async function loadGroupAnalysis(
  observation: KafkaClusterObservation,
  group: KafkaGroupObservation,
  groupLag: GroupLag,
  settings: ConsumerAnalysisSettings,
): Promise<{ points: GroupWindowPoint[]; analysis: GroupAnalysis }> {
  const points = await loadGroupPoints(observation, group, groupLag, settings.lookbackMs);
  return { points, analysis: analyzeGroup({ group, groupLag, points, settings, nowMs: observation.observedAtMs }) };
}
