import { describeGroupsV5 } from '@platformatic/kafka';
import type { KafkaMemberObservation, KafkaTopicPartitionRef } from '@/lib/observations/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToBroker, type RequestContext } from './broker-requests';
import { decodeClassicAssignment } from './classic-assignment';
import { consumerGroupDescribeApis, type DescribedTopicPartitions } from './consumer-group-describe';
import { kafkaErrorName } from './describe-failure';
import type { ListedGroup } from './list-groups';
import type { ObservationErrors } from './observation-errors';

export interface DescribedGroup {
  state: string;
  protocolType: string | null;
  assignor: string | null;
  generationOrEpoch: number | null;
  assignmentEpoch: number | null;
  members: KafkaMemberObservation[];
}

function toPartitionRefs(topicPartitions: DescribedTopicPartitions[]): KafkaTopicPartitionRef[] {
  return topicPartitions.flatMap(({ topicName, partitions }) =>
    partitions.map((partition) => ({ topic: topicName, partition })));
}

async function describeClassicGroups(context: RequestContext, nodeId: number, groupIds: string[], errors: ObservationErrors) {
  const described = new Map<string, DescribedGroup>();
  const response = await sendToBroker(context, nodeId, 'DescribeGroups', describeGroupsV5.api, [groupIds, false]);
  for (const group of response.groups) {
    if (group.errorCode !== 0) {
      errors.add(`group:${group.groupId}`, `DescribeGroups: Kafka answered ${kafkaErrorName(group.errorCode)}`);
      continue;
    }
    described.set(group.groupId, {
      state: group.groupState,
      protocolType: group.protocolType,
      assignor: group.protocolData || null,
      // DescribeGroups does not report the generation id.
      generationOrEpoch: null,
      assignmentEpoch: null,
      members: group.members.map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        host: member.clientHost,
        assignedPartitions: decodeClassicAssignment(group.protocolType, member.memberAssignment),
      })),
    });
  }
  return described;
}

async function describeConsumerGroups(
  context: RequestContext,
  versions: BrokerApiVersions,
  nodeId: number,
  groupIds: string[],
  errors: ObservationErrors,
) {
  const described = new Map<string, DescribedGroup>();
  const { api } = chooseApi(versions, 'ConsumerGroupDescribe', apiKeys.consumerGroupDescribe, consumerGroupDescribeApis);
  const response = await sendToBroker(context, nodeId, 'ConsumerGroupDescribe', api, [groupIds, false]);
  for (const group of response.groups) {
    if (group.errorCode !== 0) {
      errors.add(`group:${group.groupId}`, `ConsumerGroupDescribe: Kafka answered ${kafkaErrorName(group.errorCode)}`);
      continue;
    }
    described.set(group.groupId, {
      state: group.groupState,
      protocolType: null,
      assignor: group.assignorName || null,
      generationOrEpoch: group.groupEpoch,
      assignmentEpoch: group.assignmentEpoch,
      members: group.members.map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        host: member.clientHost,
        assignedPartitions: toPartitionRefs(member.assignment),
        memberEpoch: member.memberEpoch,
        targetAssignment: toPartitionRefs(member.targetAssignment),
      })),
    });
  }
  return described;
}

/**
 * Describes every group with at most two requests per coordinator: one DescribeGroups for its
 * classic groups and one ConsumerGroupDescribe for its `consumer` groups (DescribeGroups only
 * knows classic groups; a `consumer` group read with it looks Dead and empty).
 */
export async function describeAllGroups(
  context: RequestContext,
  versions: BrokerApiVersions,
  groupsByCoordinator: Map<number, ListedGroup[]>,
  errors: ObservationErrors,
): Promise<Map<string, DescribedGroup>> {
  const batches: Array<{ nodeId: number; groupType: 'classic' | 'consumer'; groupIds: string[] }> = [];
  for (const [nodeId, groups] of groupsByCoordinator) {
    for (const groupType of ['classic', 'consumer'] as const) {
      const groupIds = groups.filter((group) => group.groupType === groupType).map((group) => group.groupId);
      if (groupIds.length > 0) {
        batches.push({ nodeId, groupType, groupIds });
      }
    }
  }
  const described = new Map<string, DescribedGroup>();
  await Promise.all(batches.map(async ({ nodeId, groupType, groupIds }) => {
    try {
      const batch = groupType === 'classic'
        ? await describeClassicGroups(context, nodeId, groupIds, errors)
        : await describeConsumerGroups(context, versions, nodeId, groupIds, errors);
      for (const [groupId, group] of batch) {
        described.set(groupId, group);
      }
    } catch (error) {
      const apiName = groupType === 'classic' ? 'DescribeGroups' : 'ConsumerGroupDescribe';
      errors.addFailure(`broker:${nodeId}`, `${apiName} for ${groupIds.length} group(s) on broker ${nodeId}`, error);
    }
  }));
  return described;
}
