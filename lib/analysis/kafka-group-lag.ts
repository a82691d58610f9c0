import type { KafkaClusterObservation, KafkaGroupObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { computePartitionLag, type DataLoss } from './partition-lag';
import { lagStatistics, type LagStatistics } from './percentiles';

/** One partition of a topic the group consumes, in the API's snake_case shape. */
export interface GroupPartitionLag {
  topic: string;
  partition: number;
  committed_offset: number | null;
  log_start_offset: number | null;
  log_end_offset: number | null;
  /** Messages behind; null when never committed or when the log end could not be read. */
  lag: number | null;
  never_committed: boolean;
  data_loss: DataLoss | null;
  owner: { member_id: string; client_id: string; host: string } | null;
}

export interface GroupLag {
  group_id: string;
  type: KafkaGroupObservation['groupType'];
  state: string;
  partition_assignor: string | null;
  generation_or_epoch: number | null;
  member_count: number;
  topics: string[];
  lag: LagStatistics;
  never_committed_count: number;
  data_loss_count: number;
  partitions: GroupPartitionLag[];
}

function ownersByPartition(group: KafkaGroupObservation): Map<string, GroupPartitionLag['owner']> {
  const owners = new Map<string, GroupPartitionLag['owner']>();
  for (const member of group.members) {
    for (const assigned of member.assignedPartitions) {
      owners.set(`${assigned.topic}\u0000${assigned.partition}`, { member_id: member.memberId, client_id: member.clientId, host: member.host });
    }
  }
  return owners;
}

/**
 * The group's topics are those it has committed to or is assigned; every partition of those
 * topics is listed, so a partition the group never committed to shows up flagged instead of
 * being silently missing (Kafka's own tool lists only assigned or committed partitions).
 */
export function computeGroupLag(group: KafkaGroupObservation, topicsByName: Map<string, KafkaTopicObservation>): GroupLag {
  const committed = new Map(group.committedOffsets.map((offset) => [`${offset.topic}\u0000${offset.partition}`, offset.committedOffset]));
  const owners = ownersByPartition(group);
  const topicNames = new Set<string>(group.committedOffsets.map((offset) => offset.topic));
  for (const member of group.members) member.assignedPartitions.forEach((assigned) => topicNames.add(assigned.topic));

  const partitions: GroupPartitionLag[] = [];
  for (const topicName of [...topicNames].sort()) {
    const topic = topicsByName.get(topicName);
    const partitionNumbers = new Set<number>(topic?.partitions.map((partition) => partition.partition) ?? []);
    for (const key of [...committed.keys(), ...owners.keys()]) {
      const [keyTopic, keyPartition] = key.split('\u0000');
      if (keyTopic === topicName) partitionNumbers.add(Number(keyPartition));
    }
    for (const partitionNumber of [...partitionNumbers].sort((left, right) => left - right)) {
      const key = `${topicName}\u0000${partitionNumber}`;
      const observed = topic?.partitions.find((partition) => partition.partition === partitionNumber);
      const committedOffset = committed.get(key) ?? null;
      const logEndOffset = observed?.logEndOffset ?? null;
      const logStartOffset = observed?.logStartOffset ?? null;
      const computed = logEndOffset === null
        ? { lag: null, neverCommitted: committedOffset === null, dataLoss: null }
        : computePartitionLag({ committedOffset, logEndOffset, logStartOffset: logStartOffset ?? 0 });
      partitions.push({
        topic: topicName,
        partition: partitionNumber,
        committed_offset: committedOffset,
        log_start_offset: logStartOffset,
        log_end_offset: logEndOffset,
        lag: computed.lag,
        never_committed: computed.neverCommitted,
        data_loss: computed.dataLoss,
        owner: owners.get(key) ?? null,
      });
    }
  }
  const knownLags = partitions.flatMap((partition) => (partition.lag === null ? [] : [partition.lag]));
  return {
    group_id: group.groupId,
    type: group.groupType,
    state: group.state,
    partition_assignor: group.assignor,
    generation_or_epoch: group.generationOrEpoch,
    member_count: group.members.length,
    topics: [...topicNames].sort(),
    lag: lagStatistics(knownLags),
    never_committed_count: partitions.filter((partition) => partition.never_committed).length,
    data_loss_count: partitions.filter((partition) => partition.data_loss !== null).length,
    partitions,
  };
}

export function computeClusterGroupLags(observation: KafkaClusterObservation): GroupLag[] {
  const topicsByName = new Map(observation.topics.map((topic) => [topic.name, topic]));
  return observation.groups.map((group) => computeGroupLag(group, topicsByName));
}
