import { lagStatistics, type GroupLag, type GroupPartitionLag, type LagStatistics } from '@/lib/analysis';
import type { KafkaClusterObservation, KafkaGroupObservation } from '@/lib/observations/kafka';

/** What one group does on one topic. */
export interface TopicShare {
  group: KafkaGroupObservation;
  groupLag: GroupLag;
  partitions: GroupPartitionLag[];
  /** Partitions the group committed to or has a member assigned to. */
  consumedPartitionNumbers: number[];
  lag: LagStatistics;
}

function shareOf(group: KafkaGroupObservation, groupLag: GroupLag, topicName: string): TopicShare {
  const partitions = groupLag.partitions.filter((partition) => partition.topic === topicName);
  return {
    group,
    groupLag,
    partitions,
    consumedPartitionNumbers: partitions
      .filter((partition) => partition.committed_offset !== null || partition.owner !== null)
      .map((partition) => partition.partition),
    lag: lagStatistics(partitions.flatMap((partition) => (partition.lag === null ? [] : [partition.lag]))),
  };
}

/** Every group that committed to or is assigned a partition of the topic, in group id order. */
export function topicShares(observation: KafkaClusterObservation, lags: ReadonlyMap<string, GroupLag>, topicName: string): TopicShare[] {
  const shares: TopicShare[] = [];
  for (const group of observation.groups) {
    const groupLag = lags.get(group.groupId);
    if (groupLag?.topics.includes(topicName)) {
      shares.push(shareOf(group, groupLag, topicName));
    }
  }
  return shares;
}
