import { listOffsetsV5, listOffsetsV6, listOffsetsV7, listOffsetsV8, listOffsetsV9 } from '@platformatic/kafka';
import { apiKeys, chooseApi } from '../api-versions';
import { sendToBroker } from '../broker-requests';
import { kafkaErrorName } from '../describe-failure';
import type { AdminContext } from './admin-context';
import { KafkaAdminError } from './admin-error';

const listOffsetsApis = { 5: listOffsetsV5.api, 6: listOffsetsV6.api, 7: listOffsetsV7.api, 8: listOffsetsV8.api, 9: listOffsetsV9.api };
const readUncommitted = 0;
const consumerReplicaId = -1;

/**
 * The earliest offset whose record timestamp is at or after `timestampMs`, per partition
 * (ListOffsets by time, as `kafka-consumer-groups --to-datetime` asks). null when no record is
 * that recent: Kafka answers -1 and its tool then resets to the log end, as the plan does.
 */
export async function readOffsetsForTimestamp(
  admin: AdminContext,
  topic: string,
  partitions: number[],
  timestampMs: number,
): Promise<Map<number, number | null>> {
  const metadata = admin.topics.find((candidate) => candidate.name === topic);
  const byLeader = new Map<number, number[]>();
  for (const partition of partitions) {
    const leaderId = metadata?.partitions.find((candidate) => candidate.partition === partition)?.leaderId ?? -1;
    if (leaderId < 0) {
      throw new KafkaAdminError('LEADER_NOT_AVAILABLE', `ListOffsets for ${topic} partition ${partition}`);
    }
    byLeader.set(leaderId, [...(byLeader.get(leaderId) ?? []), partition]);
  }
  const { api } = chooseApi(admin.versions, 'ListOffsets', apiKeys.listOffsets, listOffsetsApis);
  const offsets = new Map<number, number | null>();
  await Promise.all([...byLeader].map(async ([leaderId, leaderPartitions]) => {
    const requestTopics = [{
      name: topic,
      partitions: leaderPartitions.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp: BigInt(timestampMs) })),
    }];
    const response = await sendToBroker(admin.context, leaderId, 'ListOffsets', api, [consumerReplicaId, readUncommitted, requestTopics]);
    for (const answeredTopic of response.topics) {
      for (const partition of answeredTopic.partitions) {
        if (partition.errorCode !== 0) {
          throw new KafkaAdminError(kafkaErrorName(partition.errorCode), `ListOffsets for ${topic} partition ${partition.partitionIndex}`);
        }
        offsets.set(partition.partitionIndex, partition.offset < 0n ? null : Number(partition.offset));
      }
    }
  }));
  return offsets;
}
