/** The kinds of resource a team can own. Kafka groups and topics are per cluster; streams are in the one Redis. */
export const resourceKinds = ['kafka_group', 'kafka_topic', 'redis_stream'] as const;

export type ResourceKind = (typeof resourceKinds)[number];

/** One resource, as the visibility and threshold functions identify it. */
export interface ResourceRef {
  kind: ResourceKind;
  name: string;
  /** The Kafka cluster id; null for Redis streams (Lagboard watches one Redis). */
  clusterId: string | null;
}
