// What the app uses from the Kafka source. Nothing outside lib/kafka imports the Kafka client.
export { observeKafkaCluster, type ObserveKafkaClusterOptions } from './observe-cluster';
export { closeKafkaConnections } from './client';
export type {
  KafkaClusterObservation,
  KafkaGroupObservation,
  KafkaMemberObservation,
  KafkaTopicObservation,
} from '@/lib/observations/kafka';
export {
  commitGroupOffsets,
  deleteGroup,
  deleteGroupOffsets,
  KafkaAdminError,
  openAdminContext,
  readOffsetsForTimestamp,
  type AdminContext,
  type PartitionOffset,
} from './group-admin';
