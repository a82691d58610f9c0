import type { KafkaGroupObservation } from '@/lib/observations/kafka';
import type { BrokerApiVersions } from './api-versions';
import type { RequestContext } from './broker-requests';
import { describeAllGroups } from './describe-groups';
import { findGroupCoordinators, listGroupsOnAllBrokers, type ListedGroup } from './list-groups';
import type { ObservationErrors } from './observation-errors';
import { readCommittedOffsets } from './read-committed-offsets';

function groupByCoordinator(groups: ListedGroup[], coordinators: Map<string, number>): Map<number, ListedGroup[]> {
  const byCoordinator = new Map<number, ListedGroup[]>();
  for (const group of groups) {
    const nodeId = coordinators.get(group.groupId) ?? group.listedByNodeId;
    // push, not a spread copy per group: copying made this quadratic in the number of groups.
    const groups = byCoordinator.get(nodeId);
    if (groups) groups.push(group);
    else byCoordinator.set(nodeId, [group]);
  }
  return byCoordinator;
}

/**
 * Every classic and `consumer` group of the cluster with members, assignments and committed
 * offsets. Requests: ListGroups per broker, one FindCoordinator, then per coordinator at most
 * one DescribeGroups, one ConsumerGroupDescribe and one OffsetFetch, whatever the group count.
 */
export async function readGroups(
  context: RequestContext,
  versions: BrokerApiVersions,
  brokerIds: number[],
  errors: ObservationErrors,
): Promise<KafkaGroupObservation[]> {
  const listed = await listGroupsOnAllBrokers(context, versions, brokerIds, errors);
  const coordinators = await findGroupCoordinators(context, versions, listed, errors);
  const groupsByCoordinator = groupByCoordinator(listed, coordinators);
  const groupIdsByCoordinator = new Map(
    [...groupsByCoordinator].map(([nodeId, groups]) => [nodeId, groups.map((group) => group.groupId)]),
  );
  const [described, committedOffsets] = await Promise.all([
    describeAllGroups(context, versions, groupsByCoordinator, errors),
    readCommittedOffsets(context, versions, groupIdsByCoordinator, errors),
  ]);
  return listed.map((group) => {
    const description = described.get(group.groupId);
    return {
      groupId: group.groupId,
      groupType: group.groupType,
      // When the describe failed, ListGroups' state is the best there is (errors says so).
      state: description?.state ?? group.state,
      protocolType: description?.protocolType ?? group.protocolType,
      assignor: description?.assignor ?? null,
      generationOrEpoch: description?.generationOrEpoch ?? null,
      assignmentEpoch: description?.assignmentEpoch ?? null,
      coordinatorId: coordinators.get(group.groupId) ?? null,
      members: description?.members ?? [],
      committedOffsets: committedOffsets.get(group.groupId) ?? [],
    };
  });
}
