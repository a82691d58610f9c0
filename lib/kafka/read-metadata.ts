import { metadataV10, metadataV11, metadataV12, metadataV9 } from '@platformatic/kafka';
import type { KafkaBrokerObservation } from '@/lib/observations/kafka';
import { apiKeys, chooseApi, type BrokerApiVersions } from './api-versions';
import { sendToAnyBroker, type RequestContext } from './broker-requests';
import { kafkaErrorName } from './describe-failure';
import type { ObservationErrors } from './observation-errors';

export interface PartitionMetadata {
  partition: number;
  leaderId: number;
  replicaIds: number[];
  isrIds: number[];
}

export interface TopicMetadata {
  name: string;
  partitions: PartitionMetadata[];
}

export interface ClusterMetadata {
  kafkaClusterUuid: string | null;
  controllerId: number;
  brokers: KafkaBrokerObservation[];
  /** User topics only, sorted by name. */
  topics: TopicMetadata[];
}

const metadataApis = { 9: metadataV9.api, 10: metadataV10.api, 11: metadataV11.api, 12: metadataV12.api };

/** Internal topics (`__consumer_offsets`, `__transaction_state`, ...) are not the operators' data. */
function isUserTopic(name: string, isInternal: boolean): boolean {
  return !isInternal && !name.startsWith('__');
}

/** One Metadata request for every topic; also fills `context.brokersById` for the other readers. */
export async function readClusterMetadata(
  context: RequestContext,
  versions: BrokerApiVersions,
  errors: ObservationErrors,
): Promise<ClusterMetadata> {
  const { api } = chooseApi(versions, 'Metadata', apiKeys.metadata, metadataApis);
  const response = await sendToAnyBroker(context, 'Metadata', api, [null, false, false]);
  for (const broker of response.brokers) {
    context.brokersById.set(broker.nodeId, { host: broker.host, port: broker.port });
  }
  const topics: TopicMetadata[] = [];
  for (const topic of response.topics) {
    const name = topic.name;
    if (!name || !isUserTopic(name, topic.isInternal)) {
      continue;
    }
    if (topic.errorCode !== 0) {
      errors.add(`topic:${name}`, `metadata: Kafka answered ${kafkaErrorName(topic.errorCode)}`);
    }
    const partitions = topic.partitions
      .map((partition) => ({
        partition: partition.partitionIndex,
        leaderId: partition.leaderId,
        replicaIds: partition.replicaNodes,
        isrIds: partition.isrNodes,
      }))
      .sort((left, right) => left.partition - right.partition);
    topics.push({ name, partitions });
  }
  topics.sort((left, right) => left.name.localeCompare(right.name));
  return {
    kafkaClusterUuid: response.clusterId ?? null,
    controllerId: response.controllerId,
    brokers: response.brokers
      .map((broker) => ({ nodeId: broker.nodeId, host: broker.host, port: broker.port }))
      .sort((left, right) => left.nodeId - right.nodeId),
    topics,
  };
}
