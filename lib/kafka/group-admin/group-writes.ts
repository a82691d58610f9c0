import { deleteGroupsV2, offsetCommitV8, offsetCommitV9, offsetDeleteV0 } from '@platformatic/kafka';
import { chooseApi } from '../api-versions';
import { sendToBroker } from '../broker-requests';
import { kafkaErrorName } from '../describe-failure';
import { findCoordinator, type AdminContext } from './admin-context';
import { KafkaAdminError } from './admin-error';

const offsetCommitApiKey = 8;
const offsetCommitApis = { 8: offsetCommitV8.api, 9: offsetCommitV9.api };
const deleteGroupsApiKey = 42;
const offsetDeleteApiKey = 47;

export interface PartitionOffset {
  partition: number;
  offset: number;
}

/** The first per-item error of an answer, or null when every item succeeded. */
function firstError(codes: number[]): string | null {
  const failing = codes.find((code) => code !== 0);
  return failing === undefined ? null : kafkaErrorName(failing);
}

/**
 * Commits offsets as an administrator, the way `kafka-consumer-groups --reset-offsets --execute`
 * does: generation (or member epoch) -1 and an empty member id, which the coordinator accepts only
 * while the group has no members (otherwise UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION).
 */
export async function commitGroupOffsets(admin: AdminContext, groupId: string, topic: string, offsets: PartitionOffset[]): Promise<void> {
  const coordinatorId = await findCoordinator(admin, groupId);
  const { api } = chooseApi(admin.versions, 'OffsetCommit', offsetCommitApiKey, offsetCommitApis);
  const response = await sendToBroker(admin.context, coordinatorId, 'OffsetCommit', api, [groupId, -1, '', null, [{
    name: topic,
    partitions: offsets.map(({ partition, offset }) => ({
      partitionIndex: partition,
      committedOffset: BigInt(offset),
      committedLeaderEpoch: -1,
      committedMetadata: null,
    })),
  }]]);
  const error = firstError(response.topics.flatMap((answered) => answered.partitions.map((partition) => partition.errorCode)));
  if (error) throw new KafkaAdminError(error, 'OffsetCommit');
}

/** DeleteGroups for one group; Kafka refuses a group with members (NON_EMPTY_GROUP). */
export async function deleteGroup(admin: AdminContext, groupId: string): Promise<void> {
  const coordinatorId = await findCoordinator(admin, groupId);
  chooseApi(admin.versions, 'DeleteGroups', deleteGroupsApiKey, { 2: deleteGroupsV2.api });
  const response = await sendToBroker(admin.context, coordinatorId, 'DeleteGroups', deleteGroupsV2.api, [[groupId]]);
  const error = firstError(response.results.map((result) => result.errorCode));
  if (error) throw new KafkaAdminError(error, 'DeleteGroups');
}

/**
 * OffsetDelete: removes the group's committed offsets of these partitions. Kafka refuses while
 * a live member subscribes to the topic (GROUP_SUBSCRIBED_TO_TOPIC).
 */
export async function deleteGroupOffsets(admin: AdminContext, groupId: string, topic: string, partitions: number[]): Promise<void> {
  const coordinatorId = await findCoordinator(admin, groupId);
  chooseApi(admin.versions, 'OffsetDelete', offsetDeleteApiKey, { 0: offsetDeleteV0.api });
  const response = await sendToBroker(admin.context, coordinatorId, 'OffsetDelete', offsetDeleteV0.api, [
    groupId,
    [{ name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex })) }],
  ]);
  const error = firstError([response.errorCode, ...response.topics.flatMap((answered) => answered.partitions.map((partition) => partition.errorCode))]);
  if (error) throw new KafkaAdminError(error, 'OffsetDelete');
}
