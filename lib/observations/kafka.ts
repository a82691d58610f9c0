/**
 * One observation of a Kafka cluster, as `lib/kafka` reads it. Plain data only (numbers,
 * strings, null, arrays, objects; offsets are numbers, which hold any offset below 2^53), so it
 * can be cached, stored as a snapshot and sent as JSON unchanged. Nothing here is derived: lag,
 * fairness and health are computed in `lib/analysis`.
 *
 * A partial failure (one broker down or slow, one group that could not be described) still
 * yields an observation: what was read is kept and `errors` says what is missing. A cluster
 * that cannot be reached at all yields an observation with empty brokers, groups and topics and
 * one error with scope `cluster`.
 */

export interface KafkaClusterObservation {
  /** The id of the cluster in Lagboard's configuration (KAFKA_CLUSTERS), not Kafka's own id. */
  clusterId: string;
  /** Kafka's cluster id (a UUID in KRaft mode); null when the cluster was not reached. */
  kafkaClusterUuid: string | null;
  /** When the observation started. */
  observedAtMs: number;
  brokers: KafkaBrokerObservation[];
  /** As the Metadata response reports it; in KRaft mode Kafka names a broker here. */
  controllerId: number | null;
  groups: KafkaGroupObservation[];
  /** User topics only: internal topics and every topic whose name starts with `__` are skipped. */
  topics: KafkaTopicObservation[];
  errors: KafkaObservationError[];
  /** Kafka requests sent for this observation (all brokers, all APIs). */
  requestCount: number;
}

export interface KafkaBrokerObservation {
  nodeId: number;
  host: string;
  port: number;
}

export interface KafkaObservationError {
  /** `cluster`, `broker:<nodeId>`, `group:<groupId>` or `topic:<name>`. */
  scope: string;
  /** Never a connection string, a credential or a stack trace. */
  message: string;
}

export type KafkaGroupType = 'classic' | 'consumer';

/** Kafka's own state names (KIP-848 added Assigning and Reconciling for `consumer` groups). */
export type KafkaClassicGroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
export type KafkaConsumerGroupState = 'Empty' | 'Assigning' | 'Reconciling' | 'Stable' | 'Dead';

export interface KafkaGroupObservation {
  groupId: string;
  groupType: KafkaGroupType;
  /** Exactly the name Kafka reports (see the state types above). */
  state: string;
  /** `consumer` for consumer groups; other classic users (Connect, ...) report their own. */
  protocolType: string;
  /** Classic: the chosen protocol name (range, roundrobin, ...); consumer: the server-side assignor. */
  assignor: string | null;
  /** Classic: generation id (DescribeGroups does not report it, so null); consumer: group epoch. */
  generationOrEpoch: number | null;
  /** Consumer groups: the epoch of the target assignment; null for classic groups. */
  assignmentEpoch: number | null;
  /** Null when FindCoordinator failed for this group. */
  coordinatorId: number | null;
  members: KafkaMemberObservation[];
  /** Only partitions with a committed offset. */
  committedOffsets: KafkaCommittedOffset[];
}

export interface KafkaTopicPartitionRef {
  topic: string;
  partition: number;
}

export interface KafkaMemberObservation {
  memberId: string;
  clientId: string;
  /** As Kafka reports it, usually `/ip`. */
  host: string;
  assignedPartitions: KafkaTopicPartitionRef[];
  /** Consumer groups only. */
  memberEpoch?: number;
  /** Consumer groups only: what the coordinator wants this member to own once reconciled. */
  targetAssignment?: KafkaTopicPartitionRef[];
}

export interface KafkaCommittedOffset {
  topic: string;
  partition: number;
  committedOffset: number;
  metadata?: string;
}

export interface KafkaTopicObservation {
  name: string;
  partitions: KafkaPartitionObservation[];
  /** Replicas of the first partition (Kafka has no per-topic figure). */
  replicationFactor: number;
  /** From DescribeConfigs; null when configs could not be read (-1 means unlimited, as in Kafka). */
  retentionMs: number | null;
  retentionBytes: number | null;
  cleanupPolicy: string | null;
}

export interface KafkaPartitionObservation {
  partition: number;
  /** -1 when the partition has no leader. */
  leaderId: number;
  replicaIds: number[];
  isrIds: number[];
  /** Null when the leader could not be asked (then `errors` says why). */
  logStartOffset: number | null;
  logEndOffset: number | null;
}
