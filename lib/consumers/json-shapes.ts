import type {
  CommittedOffsetSample,
  GroupPartitionLag,
  LagStatistics,
  PartitionStatusEvaluation,
  StuckPartition,
  TopicPartition,
} from '@/lib/analysis';
import type { KafkaClusterObservation, KafkaMemberObservation, KafkaObservationError } from '@/lib/observations/kafka';

/**
 * The snake_case pieces the consumer API responses are built from. Every response is assembled
 * field by field from these, so internal (camelCase) fields never reach a client.
 */

export type LagMetricsJson = LagStatistics;

export interface DataLossJson {
  committed_offset: number;
  log_start_offset: number;
  lost_messages: number;
}

/** never_committed: lag unknown; data_loss: committed below log start; log_end_unknown: the leader did not answer. */
export type PartitionFlag = 'never_committed' | 'data_loss' | 'log_end_unknown';

export interface PartitionJson {
  topic: string;
  partition: number;
  committed_offset: number | null;
  log_start_offset: number | null;
  log_end_offset: number | null;
  lag: number | null;
  owner: { member_id: string; client_id: string; host: string } | null;
  flags: PartitionFlag[];
  data_loss: DataLossJson | null;
}

export interface MemberJson {
  member_id: string;
  client_id: string;
  host: string;
  /** consumer (KIP-848) groups only; null for classic groups. */
  member_epoch: number | null;
  assigned_partitions: TopicPartition[];
  /** consumer groups only: the assignment the coordinator is moving the member to. */
  target_assignment: TopicPartition[] | null;
  partition_count: number;
}

export interface ObservationErrorJson {
  scope: string;
  message: string;
}

export interface BurrowPartitionJson {
  topic: string;
  partition: number;
  status: PartitionStatusEvaluation['status'];
  complete: number;
  current_lag: number;
  start: { offset: number; timestamp: string; lag: number | null } | null;
  end: { offset: number; timestamp: string; lag: number | null } | null;
}

export interface StuckPartitionJson {
  topic: string;
  partition: number;
  committed_offset: number;
  lag_at_start: number;
  lag_at_end: number;
  since: string;
  until: string;
}

export const isoTime = (timestampMs: number) => new Date(timestampMs).toISOString();

export function partitionJson(partition: GroupPartitionLag): PartitionJson {
  const flags: PartitionFlag[] = [];
  if (partition.never_committed) flags.push('never_committed');
  if (partition.data_loss) flags.push('data_loss');
  if (partition.log_end_offset === null) flags.push('log_end_unknown');
  return {
    topic: partition.topic,
    partition: partition.partition,
    committed_offset: partition.committed_offset,
    log_start_offset: partition.log_start_offset,
    log_end_offset: partition.log_end_offset,
    lag: partition.lag,
    owner: partition.owner && { member_id: partition.owner.member_id, client_id: partition.owner.client_id, host: partition.owner.host },
    flags,
    data_loss: partition.data_loss && {
      committed_offset: partition.data_loss.committedOffset,
      log_start_offset: partition.data_loss.logStartOffset,
      lost_messages: partition.data_loss.lostMessages,
    },
  };
}

const partitionRefs = (refs: readonly TopicPartition[]) => refs.map(({ topic, partition }) => ({ topic, partition }));

export function memberJson(member: KafkaMemberObservation): MemberJson {
  return {
    member_id: member.memberId,
    client_id: member.clientId,
    host: member.host,
    member_epoch: member.memberEpoch ?? null,
    assigned_partitions: partitionRefs(member.assignedPartitions),
    target_assignment: member.targetAssignment ? partitionRefs(member.targetAssignment) : null,
    partition_count: member.assignedPartitions.length,
  };
}

export function lagMetricsJson(statistics: LagStatistics): LagMetricsJson {
  const { lag_p50, lag_p95, lag_max, total_lag, partition_count } = statistics;
  return { lag_p50, lag_p95, lag_max, total_lag, partition_count };
}

function sampleJson(sample: CommittedOffsetSample | null): BurrowPartitionJson['start'] {
  return sample && { offset: sample.committedOffset, timestamp: isoTime(sample.timestampMs), lag: sample.lag };
}

export function burrowPartitionJson(evaluation: PartitionStatusEvaluation): BurrowPartitionJson {
  return {
    topic: evaluation.topic,
    partition: evaluation.partition,
    status: evaluation.status,
    complete: evaluation.complete,
    current_lag: evaluation.currentLag,
    start: sampleJson(evaluation.start),
    end: sampleJson(evaluation.end),
  };
}

export function stuckPartitionJson(stuck: StuckPartition): StuckPartitionJson {
  return {
    topic: stuck.topic,
    partition: stuck.partition,
    committed_offset: stuck.committedOffset,
    lag_at_start: stuck.lagAtStart,
    lag_at_end: stuck.lagAtEnd,
    since: isoTime(stuck.startTimestampMs),
    until: isoTime(stuck.endTimestampMs),
  };
}

/**
 * The observation's errors that concern `scope` (`group:<id>` or `topic:<name>`), plus the
 * cluster- and broker-wide ones, which may hide data of any group; null: every error.
 */
export function errorsFor(observation: KafkaClusterObservation, scope: string | null): ObservationErrorJson[] {
  const relevant = (error: KafkaObservationError) =>
    scope === null || error.scope === scope || error.scope === 'cluster' || error.scope.startsWith('broker:');
  return observation.errors.filter(relevant).map((error) => ({ scope: error.scope, message: error.message }));
}
