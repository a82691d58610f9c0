import type { KafkaClusterObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { errorsFor, isoTime, lagMetricsJson, type LagMetricsJson, type ObservationErrorJson } from './json-shapes';
import type { TopicShare } from './topic-share';

export interface TopicConsumerJson {
  group_id: string;
  type: 'classic' | 'consumer';
  state: string;
  member_count: number;
  /** This topic's partitions the group committed to or is assigned. */
  consumed_partitions: number;
  /** Lag statistics over this topic's partitions only. */
  topic_lag: LagMetricsJson;
  never_committed_count: number;
  data_loss_count: number;
}

export interface TopicConsumersJson {
  cluster_id: string;
  topic: string;
  partition_count: number;
  consumer_count: number;
  consumers: TopicConsumerJson[];
  observed_at: string;
  errors: ObservationErrorJson[];
}

export function topicConsumerJson(share: TopicShare): TopicConsumerJson {
  return {
    group_id: share.group.groupId,
    type: share.group.groupType,
    state: share.group.state,
    member_count: share.group.members.length,
    consumed_partitions: share.consumedPartitionNumbers.length,
    topic_lag: lagMetricsJson(share.lag),
    never_committed_count: share.partitions.filter((partition) => partition.never_committed).length,
    data_loss_count: share.partitions.filter((partition) => partition.data_loss !== null).length,
  };
}

export function topicConsumersView(observation: KafkaClusterObservation, topic: KafkaTopicObservation, shares: readonly TopicShare[]): TopicConsumersJson {
  return {
    cluster_id: observation.clusterId,
    topic: topic.name,
    partition_count: topic.partitions.length,
    consumer_count: shares.length,
    consumers: shares.map(topicConsumerJson),
    observed_at: isoTime(observation.observedAtMs),
    errors: errorsFor(observation, `topic:${topic.name}`),
  };
}
