import 'server-only';
import { badRequest } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { deleteGroup, deleteGroupOffsets } from '@/lib/kafka';
import { invalidateKafkaObservation } from '@/lib/sources/kafka';
import type { GroupDeleteResponse, OffsetsDeleteResponse } from './api-schemas';
import { assertGroupEmpty, findTopicOrThrow, openKafkaAdmin, readKafkaGroupState, toActionError } from './kafka-group-state';
import { runAudited } from './run-audited';

const committedJson = (offsets: ReadonlyArray<{ topic: string; partition: number; committedOffset: number }>) =>
  offsets.map(({ topic, partition, committedOffset }) => ({ topic, partition, committed_offset: committedOffset }));

/** DeleteGroups: the group and all its committed offsets. Refused (409) while it has members. */
export async function deleteKafkaGroup(principal: Principal, clusterId: string, groupId: string): Promise<GroupDeleteResponse> {
  return runAudited<Omit<GroupDeleteResponse, 'audit_id'>>({
    principal,
    action: 'kafka.group.delete',
    source: 'kafka',
    clusterId,
    groupId,
    parameters: {},
    async run(context) {
      const state = await readKafkaGroupState(clusterId, groupId);
      context.before = { state: state.group.state, committed_offsets: committedJson(state.group.committedOffsets) };
      assertGroupEmpty(state.group, 'delete');
      try {
        await deleteGroup(await openKafkaAdmin(state.cluster), groupId);
      } catch (error) {
        throw toActionError(error);
      } finally {
        invalidateKafkaObservation(clusterId);
      }
      return { result: { cluster_id: clusterId, group_id: groupId, deleted: true }, before: context.before, after: null };
    },
  });
}

/** OffsetDelete for one topic (all or some partitions). Refused (409) while the group has members. */
export async function deleteKafkaGroupOffsets(
  principal: Principal,
  clusterId: string,
  groupId: string,
  topicName: string,
  requestedPartitions: number[] | null,
): Promise<OffsetsDeleteResponse> {
  return runAudited<Omit<OffsetsDeleteResponse, 'audit_id'>>({
    principal,
    action: 'kafka.offsets.delete',
    source: 'kafka',
    clusterId,
    groupId,
    topic: topicName,
    parameters: { partitions: requestedPartitions },
    async run(context) {
      const state = await readKafkaGroupState(clusterId, groupId);
      const topic = findTopicOrThrow(state.observation, topicName);
      const committed = state.group.committedOffsets.filter((entry) => entry.topic === topicName);
      context.before = committedJson(committed);
      const existing = topic.partitions.map((partition) => partition.partition);
      const unknown = (requestedPartitions ?? []).filter((partition) => !existing.includes(partition));
      if (unknown.length > 0) throw badRequest(`Topic "${topicName}" has no partition ${unknown.join(', ')}`);
      const partitions = requestedPartitions ?? committed.map((entry) => entry.partition);
      if (partitions.length === 0) throw badRequest(`Group "${groupId}" has no committed offsets for topic "${topicName}"`);
      assertGroupEmpty(state.group, 'delete the offsets');
      try {
        await deleteGroupOffsets(await openKafkaAdmin(state.cluster), groupId, topicName, partitions);
      } catch (error) {
        throw toActionError(error);
      } finally {
        invalidateKafkaObservation(clusterId);
      }
      const deletedPartitions = [...partitions].sort((left, right) => left - right);
      return {
        result: { cluster_id: clusterId, group_id: groupId, topic: topicName, deleted_partitions: deletedPartitions },
        before: context.before,
        after: deletedPartitions.map((partition) => ({ topic: topicName, partition, committed_offset: null })),
      };
    },
  });
}
