import type { GroupLag } from '@/lib/analysis';
import type { KafkaClusterObservation, KafkaGroupObservation } from '@/lib/observations/kafka';
import {
  errorsFor,
  isoTime,
  lagMetricsJson,
  memberJson,
  partitionJson,
  type LagMetricsJson,
  type MemberJson,
  type ObservationErrorJson,
  type PartitionJson,
} from './json-shapes';

/** Seed 004's ConsumerGroup (cluster, id, state, members, assignor, topics) with per-partition lag. */
export interface GroupDetailJson {
  cluster_id: string;
  group_id: string;
  type: 'classic' | 'consumer';
  state: string;
  protocol_type: string;
  partition_assignor: string | null;
  /** Classic: null (DescribeGroups does not report the generation); consumer: the group epoch. */
  generation_or_epoch: number | null;
  assignment_epoch: number | null;
  coordinator_id: number | null;
  topics: string[];
  member_count: number;
  members: MemberJson[];
  lag_metrics: LagMetricsJson;
  never_committed_count: number;
  data_loss_count: number;
  partitions: PartitionJson[];
  observed_at: string;
  errors: ObservationErrorJson[];
}

export function groupDetailView(observation: KafkaClusterObservation, group: KafkaGroupObservation, groupLag: GroupLag): GroupDetailJson {
  return {
    cluster_id: observation.clusterId,
    group_id: group.groupId,
    type: group.groupType,
    state: group.state,
    protocol_type: group.protocolType,
    partition_assignor: group.assignor,
    generation_or_epoch: group.generationOrEpoch,
    assignment_epoch: group.assignmentEpoch,
    coordinator_id: group.coordinatorId,
    topics: groupLag.topics,
    member_count: group.members.length,
    members: group.members.map(memberJson),
    lag_metrics: lagMetricsJson(groupLag.lag),
    never_committed_count: groupLag.never_committed_count,
    data_loss_count: groupLag.data_loss_count,
    partitions: groupLag.partitions.map(partitionJson),
    observed_at: isoTime(observation.observedAtMs),
    errors: errorsFor(observation, `group:${group.groupId}`),
  };
}
