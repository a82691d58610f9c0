import 'server-only';
import { ApiError, conflict, notFound } from '@/lib/api/errors';
import { getConfig, type KafkaClusterConfig } from '@/lib/config';
import { KafkaAdminError, observeKafkaCluster, openAdminContext, type AdminContext } from '@/lib/kafka';
import type { KafkaClusterObservation, KafkaGroupObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { findKafkaCluster } from '@/lib/sources/kafka';

export interface KafkaGroupState {
  cluster: KafkaClusterConfig;
  observation: KafkaClusterObservation;
  group: KafkaGroupObservation;
}

/**
 * A fresh (not cached) observation of the cluster and the group: an action must judge the
 * group's members and offsets as they are now, not as they were up to SOURCE_CACHE_TTL_MS ago.
 */
export async function readKafkaGroupState(clusterId: string, groupId: string): Promise<KafkaGroupState> {
  const cluster = findKafkaCluster(clusterId);
  const observation = await observeKafkaCluster(cluster, { requestTimeoutMs: getConfig().kafka.requestTimeoutMs });
  const clusterError = observation.errors.find((error) => error.scope === 'cluster');
  if (observation.brokers.length === 0 && clusterError) {
    throw new ApiError(503, 'source_unavailable', `Kafka cluster "${clusterId}" could not be reached: ${clusterError.message}`);
  }
  const group = observation.groups.find((candidate) => candidate.groupId === groupId);
  if (!group) throw notFound(`No consumer group "${groupId}" in cluster "${clusterId}"`);
  return { cluster, observation, group };
}

export function findTopicOrThrow(observation: KafkaClusterObservation, topic: string): KafkaTopicObservation {
  const found = observation.topics.find((candidate) => candidate.name === topic);
  if (!found) throw notFound(`No topic "${topic}" in cluster "${observation.clusterId}"`);
  return found;
}

export function liveMembersJson(group: KafkaGroupObservation) {
  return group.members.map((member) => ({ member_id: member.memberId, client_id: member.clientId, host: member.host }));
}

/** Kafka changes a group's offsets or deletes it only while it has no members. */
export function isGroupEmpty(group: KafkaGroupObservation): boolean {
  return group.members.length === 0 && (group.state === 'Empty' || group.state === 'Dead');
}

export function assertGroupEmpty(group: KafkaGroupObservation, what: string): void {
  if (isGroupEmpty(group)) return;
  const names = group.members.map((member) => `${member.clientId} (${member.memberId}${member.host ? ` on ${member.host}` : ''})`);
  throw conflict(
    `Cannot ${what} of group "${group.groupId}" while it has live members: Kafka requires an empty group. `
      + `State ${group.state}; ${names.length} member${names.length === 1 ? '' : 's'}${names.length ? `: ${names.join(', ')}` : ''}. Stop its consumers first.`,
    { state: group.state, live_members: liveMembersJson(group) },
  );
}

export async function openKafkaAdmin(cluster: KafkaClusterConfig): Promise<AdminContext> {
  try {
    return await openAdminContext(cluster, getConfig().kafka.requestTimeoutMs);
  } catch (error) {
    throw toActionError(error);
  }
}

const conflictErrors = new Set(['NON_EMPTY_GROUP', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'GROUP_SUBSCRIBED_TO_TOPIC', 'REBALANCE_IN_PROGRESS', 'STALE_MEMBER_EPOCH', 'FENCED_MEMBER_EPOCH']);

/** Kafka's refusals become 404/409 with its error name; anything else (broker down, timeout) a 503. */
export function toActionError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof KafkaAdminError) {
    if (error.kafkaError === 'GROUP_ID_NOT_FOUND') return notFound(`${error.request}: the group no longer exists (GROUP_ID_NOT_FOUND)`);
    if (conflictErrors.has(error.kafkaError)) return conflict(`${error.request}: Kafka refused it (${error.kafkaError}); the group has members or is rebalancing`);
    return new ApiError(503, 'source_unavailable', error.message);
  }
  return new ApiError(503, 'source_unavailable', 'Kafka did not complete the request (unreachable or timed out); nothing is known to have changed');
}
