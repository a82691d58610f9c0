import { findCoordinatorV4, findCoordinatorV5, findCoordinatorV6, listGroupsV4, listGroupsV5 } from '@platformatic/kafka';
import type { KafkaGroupType } from '@/lib/observations/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToAnyBroker, sendToBroker, type RequestContext } from './broker-requests';
import { kafkaErrorName } from './describe-failure';
import type { ObservationErrors } from './observation-errors';

export interface ListedGroup {
  groupId: string;
  groupType: KafkaGroupType;
  state: string;
  protocolType: string;
  /** ListGroups is answered by each broker for the groups it coordinates. */
  listedByNodeId: number;
}

const groupTypes: readonly string[] = ['classic', 'consumer'] satisfies KafkaGroupType[];
const findCoordinatorApis = { 4: findCoordinatorV4.api, 5: findCoordinatorV5.api, 6: findCoordinatorV6.api };
const groupKeyType = 0;

async function listGroupsOnBroker(context: RequestContext, versions: BrokerApiVersions, nodeId: number): Promise<ListedGroup[]> {
  const range = versions.get(apiKeys.listGroups);
  // v5 (Kafka 3.8+) reports the group type; before that every group is classic.
  const response = range && range.maxVersion >= 5
    ? await sendToBroker(context, nodeId, 'ListGroups', listGroupsV5.api, [[], [...groupTypes]])
    : await sendToBroker(context, nodeId, 'ListGroups', chooseApi(versions, 'ListGroups', apiKeys.listGroups, { 4: listGroupsV4.api }).api, [[], []]);
  if (response.errorCode !== 0) {
    throw new Error(`Kafka answered ${kafkaErrorName(response.errorCode)}`);
  }
  const listed: ListedGroup[] = [];
  for (const group of response.groups) {
    const groupType = 'groupType' in group ? String(group.groupType).toLowerCase() : 'classic';
    if (group.groupId && groupTypes.includes(groupType)) {
      listed.push({
        groupId: group.groupId,
        groupType: groupType as KafkaGroupType,
        state: group.groupState,
        protocolType: group.protocolType,
        listedByNodeId: nodeId,
      });
    }
  }
  return listed;
}

/** ListGroups once per broker (each broker lists the groups it coordinates). */
export async function listGroupsOnAllBrokers(
  context: RequestContext,
  versions: BrokerApiVersions,
  brokerIds: number[],
  errors: ObservationErrors,
): Promise<ListedGroup[]> {
  const results = await Promise.allSettled(brokerIds.map((nodeId) => listGroupsOnBroker(context, versions, nodeId)));
  const groupsById = new Map<string, ListedGroup>();
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      errors.addFailure(`broker:${brokerIds[index]}`, `ListGroups on broker ${brokerIds[index]}`, result.reason);
      return;
    }
    for (const group of result.value) {
      groupsById.set(group.groupId, group);
    }
  });
  return [...groupsById.values()].sort((left, right) => left.groupId.localeCompare(right.groupId));
}

/**
 * One FindCoordinator request (v4+ takes many keys) for all groups. A group whose lookup fails
 * keeps the broker that listed it, which was its coordinator a moment earlier.
 */
export async function findGroupCoordinators(
  context: RequestContext,
  versions: BrokerApiVersions,
  groups: ListedGroup[],
  errors: ObservationErrors,
): Promise<Map<string, number>> {
  const coordinators = new Map(groups.map((group) => [group.groupId, group.listedByNodeId]));
  if (groups.length === 0) {
    return coordinators;
  }
  try {
    const { api } = chooseApi(versions, 'FindCoordinator', apiKeys.findCoordinator, findCoordinatorApis);
    const response = await sendToAnyBroker(context, 'FindCoordinator', api, [groupKeyType, groups.map((group) => group.groupId)]);
    for (const coordinator of response.coordinators) {
      if (coordinator.errorCode === 0 && context.brokersById.has(coordinator.nodeId)) {
        coordinators.set(coordinator.key, coordinator.nodeId);
      }
    }
  } catch (error) {
    errors.addFailure('cluster', 'FindCoordinator', error);
  }
  return coordinators;
}
