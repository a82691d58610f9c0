import { listOffsetsV5, listOffsetsV6, listOffsetsV7, listOffsetsV8, listOffsetsV9 } from '@platformatic/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToBroker, type RequestContext } from './broker-requests';
import { kafkaErrorName } from './describe-failure';
import type { ObservationErrors } from './observation-errors';
import type { TopicMetadata } from './read-metadata';

export interface LogOffsets {
  logStartOffset: number | null;
  logEndOffset: number | null;
}

const listOffsetsApis = { 5: listOffsetsV5.api, 6: listOffsetsV6.api, 7: listOffsetsV7.api, 8: listOffsetsV8.api, 9: listOffsetsV9.api };
const earliestTimestamp = -2n;
const latestTimestamp = -1n;
// The log end offset every consumer-lag tool uses (kafka-consumer-groups included), not the LSO.
const readUncommitted = 0;
const consumerReplicaId = -1;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** Earliest and latest offsets of every partition: two ListOffsets requests per partition leader. */
export async function readLogOffsets(
  context: RequestContext,
  versions: BrokerApiVersions,
  topics: TopicMetadata[],
  errors: ObservationErrors,
): Promise<Map<string, LogOffsets>> {
  const offsets = new Map<string, LogOffsets>();
  const topicsByLeader = new Map<number, Map<string, number[]>>();
  for (const topic of topics) {
    for (const { partition, leaderId } of topic.partitions) {
      offsets.set(partitionKey(topic.name, partition), { logStartOffset: null, logEndOffset: null });
      if (leaderId < 0) {
        errors.add(`topic:${topic.name}`, `partition ${partition} has no leader`);
        continue;
      }
      const leaderTopics = topicsByLeader.get(leaderId) ?? new Map<string, number[]>();
      const partitions = leaderTopics.get(topic.name);
      if (partitions) partitions.push(partition);
      else leaderTopics.set(topic.name, [partition]);
      topicsByLeader.set(leaderId, leaderTopics);
    }
  }
  if (topicsByLeader.size === 0) {
    return offsets;
  }
  const { api } = chooseApi(versions, 'ListOffsets', apiKeys.listOffsets, listOffsetsApis);
  const requests = [...topicsByLeader].flatMap(([leaderId, leaderTopics]) =>
    ([['logStartOffset', earliestTimestamp], ['logEndOffset', latestTimestamp]] as const).map(async ([field, timestamp]) => {
      const requestTopics = [...leaderTopics].map(([name, partitions]) => ({
        name,
        partitions: partitions.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp })),
      }));
      try {
        const response = await sendToBroker(context, leaderId, 'ListOffsets', api, [consumerReplicaId, readUncommitted, requestTopics]);
        for (const topic of response.topics) {
          for (const partition of topic.partitions) {
            const entry = offsets.get(partitionKey(topic.name, partition.partitionIndex));
            if (!entry) {
              continue;
            }
            if (partition.errorCode !== 0) {
              errors.add(`topic:${topic.name}`, `ListOffsets for partition ${partition.partitionIndex}: Kafka answered ${kafkaErrorName(partition.errorCode)}`);
              continue;
            }
            entry[field] = Number(partition.offset);
          }
        }
      } catch (error) {
        const which = field === 'logStartOffset' ? 'earliest' : 'latest';
        errors.addFailure(`broker:${leaderId}`, `ListOffsets (${which}) on broker ${leaderId}`, error);
      }
    }));
  await Promise.all(requests);
  return offsets;
}
