import type { KafkaClusterObservation, KafkaGroupObservation, KafkaPartitionObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
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

type PartitionOwner = GroupPartitionLag['owner'];

/** What the group holds on one topic: committed offsets and owners by partition number. */
interface GroupTopicState {
  committed: Map<number, number>;
  owners: Map<number, PartitionOwner>;
}

// Nested maps by topic and partition number instead of "topic-partition" string keys: this runs
// for every partition of every group of an observation, and string keys dominated its cost.
function groupStateByTopic(group: KafkaGroupObservation): Map<string, GroupTopicState> {
  const byTopic = new Map<string, GroupTopicState>();
  const stateOf = (topic: string) => {
    let state = byTopic.get(topic);
    if (!state) {
      state = { committed: new Map(), owners: new Map() };
      byTopic.set(topic, state);
    }
    return state;
  };
  for (const offset of group.committedOffsets) stateOf(offset.topic).committed.set(offset.partition, offset.committedOffset);
  for (const member of group.members) {
    // One owner object per member, shared by its partitions (results are read-only).
    const owner = { member_id: member.memberId, client_id: member.clientId, host: member.host };
    for (const assigned of member.assignedPartitions) stateOf(assigned.topic).owners.set(assigned.partition, owner);
  }
  return byTopic;
}

// Partition lookups by number, built once per topic object: a group's lag is computed for every
// group of an observation, and a linear search per partition made large topics quadratic.
const partitionIndexes = new WeakMap<KafkaTopicObservation, Map<number, KafkaPartitionObservation>>();

function partitionIndex(topic: KafkaTopicObservation): Map<number, KafkaPartitionObservation> {
  let index = partitionIndexes.get(topic);
  if (!index) {
    index = new Map(topic.partitions.map((partition) => [partition.partition, partition]));
    partitionIndexes.set(topic, index);
  }
  return index;
}

const emptyIndex: ReadonlyMap<number, KafkaPartitionObservation> = new Map();

/** The topic's partitions in order, plus any the group names that the topic does not (a stale commit). */
function partitionNumbers(observed: ReadonlyMap<number, KafkaPartitionObservation>, state: GroupTopicState): number[] {
  const extras = new Set<number>();
  for (const partition of state.committed.keys()) if (!observed.has(partition)) extras.add(partition);
  for (const partition of state.owners.keys()) if (!observed.has(partition)) extras.add(partition);
  // Metadata lists partitions in order, so sorting is only needed when extras are added.
  return extras.size === 0 ? [...observed.keys()] : [...observed.keys(), ...extras].sort((left, right) => left - right);
}

/**
 * The group's topics are those it has committed to or is assigned; every partition of those
 * topics is listed, so a partition the group never committed to shows up flagged instead of
 * being silently missing (Kafka's own tool lists only assigned or committed partitions).
 */
export function computeGroupLag(group: KafkaGroupObservation, topicsByName: Map<string, KafkaTopicObservation>): GroupLag {
  const stateByTopic = groupStateByTopic(group);
  const topicNames = [...stateByTopic.keys()].sort();

  const partitions: GroupPartitionLag[] = [];
  for (const topicName of topicNames) {
    const state = stateByTopic.get(topicName) as GroupTopicState;
    const topic = topicsByName.get(topicName);
    const observedPartitions = topic ? partitionIndex(topic) : emptyIndex;
    for (const partitionNumber of partitionNumbers(observedPartitions, state)) {
      const observed = observedPartitions.get(partitionNumber);
      const committedOffset = state.committed.get(partitionNumber) ?? null;
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
        owner: state.owners.get(partitionNumber) ?? null,
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
    topics: topicNames,
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

// An observation is computed once per cache TTL but read by the window and by every API view;
// observations are never mutated, so the result can be shared per observation object.
const groupLagsByObservation = new WeakMap<KafkaClusterObservation, ReadonlyMap<string, GroupLag>>();

/** computeClusterGroupLags by group id, computed once per observation object. Treat as read-only. */
export function groupLagsByGroupId(observation: KafkaClusterObservation): ReadonlyMap<string, GroupLag> {
  let byGroupId = groupLagsByObservation.get(observation);
  if (!byGroupId) {
    byGroupId = new Map(computeClusterGroupLags(observation).map((groupLag) => [groupLag.group_id, groupLag]));
    groupLagsByObservation.set(observation, byGroupId);
  }
  return byGroupId;
}
