import { offsetFetchV8, offsetFetchV9 } from '@platformatic/kafka';
import type { KafkaCommittedOffset } from '@/lib/observations/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToBroker, type RequestContext } from './broker-requests';
import { kafkaErrorName } from './describe-failure';
import type { ObservationErrors } from './observation-errors';

const offsetFetchApis = { 8: offsetFetchV8.api, 9: offsetFetchV9.api };

async function readOnCoordinator(
  context: RequestContext,
  versions: BrokerApiVersions,
  nodeId: number,
  groupIds: string[],
  errors: ObservationErrors,
): Promise<Map<string, KafkaCommittedOffset[]>> {
  const { api } = chooseApi(versions, 'OffsetFetch', apiKeys.offsetFetch, offsetFetchApis);
  // topics: null asks for every partition the group committed; member epoch -1 is the admin form.
  const requestGroups = groupIds.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null }));
  const response = await sendToBroker(context, nodeId, 'OffsetFetch', api, [requestGroups, false]);
  const offsetsByGroup = new Map<string, KafkaCommittedOffset[]>();
  for (const group of response.groups) {
    if (group.errorCode !== 0) {
      errors.add(`group:${group.groupId}`, `OffsetFetch: Kafka answered ${kafkaErrorName(group.errorCode)}`);
      continue;
    }
    const committedOffsets: KafkaCommittedOffset[] = [];
    const partitionErrors = new Set<string>();
    for (const topic of group.topics) {
      for (const partition of topic.partitions) {
        if (partition.errorCode !== 0) {
          partitionErrors.add(kafkaErrorName(partition.errorCode));
          continue;
        }
        // -1 means "no committed offset" for this partition.
        if (partition.committedOffset < 0n) {
          continue;
        }
        committedOffsets.push({
          topic: topic.name,
          partition: partition.partitionIndex,
          committedOffset: Number(partition.committedOffset),
          ...(partition.metadata ? { metadata: partition.metadata } : {}),
        });
      }
    }
    if (partitionErrors.size > 0) {
      errors.add(`group:${group.groupId}`, `OffsetFetch: some partitions answered ${[...partitionErrors].join(', ')}`);
    }
    // Code-unit order, not localeCompare: this runs for every partition of every group.
    committedOffsets.sort((left, right) => (left.topic < right.topic ? -1 : left.topic > right.topic ? 1 : left.partition - right.partition));
    offsetsByGroup.set(group.groupId, committedOffsets);
  }
  return offsetsByGroup;
}

/** Committed offsets of many groups per request (OffsetFetch v8+): one request per coordinator. */
export async function readCommittedOffsets(
  context: RequestContext,
  versions: BrokerApiVersions,
  groupIdsByCoordinator: Map<number, string[]>,
  errors: ObservationErrors,
): Promise<Map<string, KafkaCommittedOffset[]>> {
  const offsetsByGroup = new Map<string, KafkaCommittedOffset[]>();
  await Promise.all([...groupIdsByCoordinator].map(async ([nodeId, groupIds]) => {
    try {
      for (const [groupId, offsets] of await readOnCoordinator(context, versions, nodeId, groupIds, errors)) {
        offsetsByGroup.set(groupId, offsets);
      }
    } catch (error) {
      errors.addFailure(`broker:${nodeId}`, `OffsetFetch for ${groupIds.length} group(s) on broker ${nodeId}`, error);
    }
  }));
  return offsetsByGroup;
}
