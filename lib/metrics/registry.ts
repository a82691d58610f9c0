import { Gauge, Registry } from 'prom-client';

/**
 * Every metric Lagboard exports, declared on a fresh Registry for each scrape: a stream, group
 * or consumer that vanished since the last scrape simply has no series, instead of keeping its
 * last value forever as a long-lived gauge would. Names and labels are documented in
 * docs/redis-api.md; monitoring/prometheus-rules.yml may use only these names (a test checks).
 */
const streamLabels = ['stream'] as const;
const groupLabels = ['stream', 'consumer_group'] as const;
const consumerLabels = ['stream', 'consumer_group', 'consumer'] as const;
const kafkaLabels = ['cluster', 'group', 'topic'] as const;

const definitions = {
  // Seed 000's name and labels, kept exactly.
  eventConsumerLag: ['event_consumer_lag', 'Entries of the stream not yet delivered to the group: XINFO GROUPS lag, or counted with XRANGE where Redis reports nil (see lagboard_redis_group_lag_estimated)', groupLabels],
  groupLagEstimated: ['lagboard_redis_group_lag_estimated', '1 when event_consumer_lag was counted by Lagboard because Redis reported nil lag', groupLabels],
  groupLagAtLeast: ['lagboard_redis_group_lag_at_least', '1 when the count stopped at its limit: the lag is at least event_consumer_lag', groupLabels],
  groupMissing: ['lagboard_redis_group_missing', '1 when the configured consumer group does not exist on the stream (the seed reports lag 0 then)', groupLabels],
  groupPending: ['lagboard_redis_group_pending', 'Entries delivered to the group and not acknowledged (XPENDING); not part of the lag', groupLabels],
  groupConsumers: ['lagboard_redis_group_consumers', 'Consumers of the group (XINFO GROUPS consumers)', groupLabels],
  groupOldestPendingIdle: ['lagboard_redis_group_oldest_pending_idle_seconds', 'Time since the oldest pending entry was last delivered (XPENDING idle); 0 when nothing is pending', groupLabels],
  groupOldestPendingAge: ['lagboard_redis_group_oldest_pending_age_seconds', 'Time since the oldest pending entry was added, from its ID; 0 when nothing is pending', groupLabels],
  groupLastDeliveredTimestamp: ['lagboard_redis_group_last_delivered_timestamp_seconds', 'Time of the entry last delivered to the group, from its ID (Unix seconds)', groupLabels],
  groupDeadConsumers: ['lagboard_redis_group_dead_consumer_candidates', 'Consumers idle beyond DEAD_CONSUMER_IDLE_MS while holding pending entries', groupLabels],
  streamLength: ['lagboard_redis_stream_length', 'Entries in the stream (XINFO STREAM length)', streamLabels],
  streamGroups: ['lagboard_redis_stream_groups', 'Consumer groups of the stream', streamLabels],
  streamExists: ['lagboard_redis_stream_exists', '0 for a configured stream that does not exist', streamLabels],
  streamReadError: ['lagboard_redis_stream_read_error', '1 when the key could not be read as a stream (wrong type, ACL)', streamLabels],
  streamLastEntryTimestamp: ['lagboard_redis_stream_last_entry_timestamp_seconds', 'Time of the newest entry, from its ID (Unix seconds)', streamLabels],
  consumerPending: ['lagboard_redis_consumer_pending', 'Pending entries held by the consumer (capped at METRICS_CONSUMER_SERIES_PER_GROUP consumers per group)', consumerLabels],
  consumerIdle: ['lagboard_redis_consumer_idle_seconds', 'Time since the consumer last tried to read (capped like lagboard_redis_consumer_pending)', consumerLabels],
  memoryUsed: ['lagboard_redis_memory_used_bytes', 'INFO used_memory', []],
  memoryMax: ['lagboard_redis_memory_max_bytes', 'INFO maxmemory; 0 means no limit', []],
  connectedClients: ['lagboard_redis_connected_clients', 'INFO connected_clients', []],
  opsPerSecond: ['lagboard_redis_ops_per_second', 'INFO instantaneous_ops_per_sec', []],
  kafkaTopicLag: ['lagboard_kafka_consumer_group_topic_lag', 'Sum over the topic\'s partitions of the group\'s lag (log end minus committed offset); partitions without a known lag are left out', kafkaLabels],
  kafkaTopicMaxLag: ['lagboard_kafka_consumer_group_topic_max_lag', 'Largest partition lag of the group on the topic', kafkaLabels],
  // Declared now so dashboards and rules can name it; it has samples once time lag is computed.
  kafkaTopicLagSeconds: ['lagboard_kafka_consumer_group_topic_lag_seconds', 'Time the group is behind on the topic, seconds (largest partition; from the collector snapshots, absent before two snapshots)', kafkaLabels],
  groupRecommendedMembers: ['lagboard_group_recommended_members', 'Members the Kafka group needs: ceil(lag of partitions that move / SCALING_LAG_THRESHOLD_PER_MEMBER), at most its partitions (KEDA-style; docs/actions.md)', ['cluster', 'group']],
  redisGroupRecommendedConsumers: ['lagboard_redis_group_recommended_consumers', 'Consumers the stream group needs: ceil((lag + pending on live consumers) / SCALING_LAG_THRESHOLD_PER_MEMBER), more when its lag grows (docs/actions.md)', groupLabels],
  sourceUp: ['lagboard_source_up', '1 when the source could be observed for this scrape, else 0', ['source', 'cluster']],
  seriesDropped: ['lagboard_metrics_series_dropped', 'Series left out of this scrape by a cardinality cap', ['series']],
  heapUsed: ['lagboard_process_heap_used_bytes', 'V8 heap in use by this dashboard process (process.memoryUsage().heapUsed), next to the resident memory the OS reports', []],
} as const;

type Definitions = typeof definitions;
type LabelsOf<Key extends keyof Definitions> = Definitions[Key][2][number];

export type LagboardGauges = { [Key in keyof Definitions]: Gauge<LabelsOf<Key>> };

export interface LagboardMetrics {
  registry: Registry;
  gauges: LagboardGauges;
}

export function createMetricsRegistry(): LagboardMetrics {
  const registry = new Registry();
  const entries = Object.entries(definitions).map(([key, [name, help, labelNames]]) => [
    key,
    new Gauge({ name, help, labelNames: [...labelNames], registers: [registry] }),
  ]);
  return { registry, gauges: Object.fromEntries(entries) as LagboardGauges };
}

/** Every metric name the registry declares, for checking the rules file against. */
export function exportedMetricNames(): string[] {
  return Object.values(definitions).map(([name]) => name);
}
