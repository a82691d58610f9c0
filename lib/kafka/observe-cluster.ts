import type { KafkaClusterConfig } from '@/lib/config';
import type { KafkaClusterObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { readBrokerApiVersions } from './api-versions';
import { parseBrokerAddress, type RequestContext } from './broker-requests';
import { getKafkaConnectionPool } from './client';
import { describeFailure } from './describe-failure';
import { ObservationErrors } from './observation-errors';
import { readGroups } from './read-groups';
import { partitionKey, readLogOffsets, type LogOffsets } from './read-log-offsets';
import { readClusterMetadata, type TopicMetadata } from './read-metadata';
import { readTopicConfigs, type TopicConfig } from './read-topic-configs';

export interface ObserveKafkaClusterOptions {
  /** Bounds every connect and every request; a slow broker becomes an entry in `errors`. */
  requestTimeoutMs: number;
  /** Called once per Kafka request, before it is sent (tests count requests with it). */
  onRequest?: (apiName: string, nodeId: number | null) => void;
}

function toTopicObservations(
  topics: TopicMetadata[],
  logOffsets: Map<string, LogOffsets>,
  configs: Map<string, TopicConfig>,
): KafkaTopicObservation[] {
  return topics.map((topic) => {
    const config = configs.get(topic.name);
    return {
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        ...partition,
        logStartOffset: logOffsets.get(partitionKey(topic.name, partition.partition))?.logStartOffset ?? null,
        logEndOffset: logOffsets.get(partitionKey(topic.name, partition.partition))?.logEndOffset ?? null,
      })),
      replicationFactor: topic.partitions[0]?.replicaIds.length ?? 0,
      retentionMs: config?.retentionMs ?? null,
      retentionBytes: config?.retentionBytes ?? null,
      cleanupPolicy: config?.cleanupPolicy ?? null,
    };
  });
}

/**
 * One observation of a cluster. Never throws: a broker that fails or is slower than
 * `requestTimeoutMs` leaves a partial observation with entries in `errors`; a cluster that
 * cannot be reached at all gives empty brokers, groups and topics and one `cluster` error.
 *
 * Requests, whatever the number of groups and topics (B brokers, C coordinators <= B,
 * L partition leaders <= B): ApiVersions 1, Metadata 1, ListGroups B, FindCoordinator 1,
 * DescribeGroups <= C, ConsumerGroupDescribe <= C, OffsetFetch <= C, ListOffsets 2L,
 * DescribeConfigs 1.
 */
export async function observeKafkaCluster(
  cluster: KafkaClusterConfig,
  options: ObserveKafkaClusterOptions,
): Promise<KafkaClusterObservation> {
  const observedAtMs = Date.now();
  const errors = new ObservationErrors(options.requestTimeoutMs);
  let requestCount = 0;
  const context: RequestContext = {
    pool: getKafkaConnectionPool(cluster, options.requestTimeoutMs),
    bootstrapBrokers: cluster.brokers.map(parseBrokerAddress),
    brokersById: new Map(),
    requestTimeoutMs: options.requestTimeoutMs,
    countRequest(apiName, nodeId) {
      requestCount++;
      options.onRequest?.(apiName, nodeId);
    },
  };
  const observation: KafkaClusterObservation = {
    clusterId: cluster.id,
    kafkaClusterUuid: null,
    observedAtMs,
    brokers: [],
    controllerId: null,
    groups: [],
    topics: [],
    errors: errors.entries,
    requestCount: 0,
  };

  let versions;
  let metadata;
  try {
    versions = await readBrokerApiVersions(context);
    metadata = await readClusterMetadata(context, versions, errors);
  } catch (error) {
    errors.add('cluster', `cluster unreachable: ${describeFailure(error, options.requestTimeoutMs)}`);
    return { ...observation, requestCount };
  }

  // The readers report their own failures per broker or item; this net keeps the promise
  // "never throws" for anything they did not foresee.
  const orElse = <T>(what: string, promise: Promise<T>, fallback: T): Promise<T> =>
    promise.catch((error: unknown) => {
      errors.addFailure('cluster', what, error);
      return fallback;
    });
  const [groups, logOffsets, configs] = await Promise.all([
    orElse('Reading groups', readGroups(context, versions, metadata.brokers.map((broker) => broker.nodeId), errors), []),
    orElse('Reading log offsets', readLogOffsets(context, versions, metadata.topics, errors), new Map<string, LogOffsets>()),
    orElse('Reading topic configs', readTopicConfigs(context, versions, metadata.topics.map((topic) => topic.name), errors), new Map<string, TopicConfig>()),
  ]);
  return {
    ...observation,
    kafkaClusterUuid: metadata.kafkaClusterUuid,
    brokers: metadata.brokers,
    controllerId: metadata.controllerId,
    groups,
    topics: toTopicObservations(metadata.topics, logOffsets, configs),
    requestCount,
  };
}
