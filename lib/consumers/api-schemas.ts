import { z } from 'zod';
import { isoTimeSchema } from '@/lib/api/api-schemas';

/**
 * The Kafka API's request and response schemas. Routes parse their input with these very
 * objects, and lib/openapi/paths/kafka.ts describes the routes with them, so the published
 * description cannot drift from what the handlers accept. Response schemas are loose (extra
 * fields allowed) and name the fields clients rely on.
 */

// The same rule lib/config-values.ts applies to KAFKA_CLUSTERS ids, so a malformed id is a 400, an unknown one a 404.
export const clusterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const consumersQuery = z.strictObject({
  cluster_id: z.string().regex(clusterIdPattern, 'must be 1-64 letters, digits, ".", "_" or "-"').optional()
    .meta({ description: 'Kafka cluster id from KAFKA_CLUSTERS; may be left out when one cluster is configured', example: 'local' }),
});

/**
 * Group ids may hold any character (Next.js decodes the path segment once) but NUL, which no
 * real client uses and PostgreSQL text (the history) cannot store; Kafka caps strings at 32767 bytes.
 */
export const groupPathParameters = z.object({ group_id: z.string().min(1).max(32_767).refine((id) => !id.includes('\u0000'), 'must not contain NUL characters').meta({ description: 'Consumer group id, URL-encoded', example: 'fraud-scoring-slow' }) });

/** Kafka's rule for topic names; anything else cannot exist, so it is a malformed request. */
export const topicPathParameters = z.object({
  topic_name: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a Kafka topic name: 1-249 letters, digits, ".", "_" or "-"').meta({ example: 'orders' }),
});

const observationError = z.object({ scope: z.string(), message: z.string() });
const count = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();

export const clustersResponseSchema = z.object({
  kafka_clusters: z.array(z.object({ cluster_id: z.string(), brokers: z.array(z.string()) })),
  redis: z.object({ streams: z.array(z.string()), consumer_group: z.string(), transport_mode: z.enum(['redis_streams', 'http']) }),
}).meta({ title: 'Clusters' });

export const groupListItemSchema = z.looseObject({
  group_id: z.string(),
  type: z.string(),
  state: z.string(),
  member_count: count,
  topics: z.array(z.string()),
  lag_p50: nullableNumber,
  lag_p95: nullableNumber,
  lag_max: nullableNumber,
  total_lag: nullableNumber,
  partition_count: count,
  slo_compliance: nullableNumber,
  slo_met: z.boolean(),
  fairness_gini: nullableNumber,
  teams: z.array(z.string()),
  lag_seconds_max: nullableNumber.optional(),
  status: z.string().nullable().optional(),
  lag_sparkline: z.array(z.number()).nullable().optional(),
}).meta({ title: 'GroupListItem' });

export const groupListResponseSchema = z.looseObject({
  cluster_id: z.string(),
  observed_at: isoTimeSchema,
  group_count: count,
  groups: z.array(groupListItemSchema),
  errors: z.array(observationError),
}).meta({ title: 'GroupList' });

const partitionSchema = z.looseObject({
  topic: z.string(),
  partition: count,
  committed_offset: nullableNumber,
  log_end_offset: nullableNumber,
  lag: nullableNumber,
  flags: z.array(z.string()),
});

export const groupDetailResponseSchema = z.looseObject({
  group_id: z.string(),
  state: z.string(),
  member_count: count,
  members: z.array(z.looseObject({ member_id: z.string(), client_id: z.string(), host: z.string(), partition_count: count })),
  partitions: z.array(partitionSchema),
  lag_metrics: z.looseObject({}),
  observed_at: isoTimeSchema,
}).meta({ title: 'GroupDetail' });

export const groupHealthResponseSchema = z.looseObject({
  group_id: z.string(),
  cluster_id: z.string(),
  observed_at: isoTimeSchema,
}).meta({ title: 'GroupHealth', description: 'Seed 004 ConsumerHealthSummary with the Burrow status, stuck partitions and the recommendation' });

export const topicConsumersResponseSchema = z.looseObject({
  cluster_id: z.string(),
  topic: z.string(),
  partition_count: count,
  consumer_count: count,
  consumers: z.array(z.looseObject({ group_id: z.string() })),
  observed_at: isoTimeSchema,
}).meta({ title: 'TopicConsumers' });

export const topicDetailResponseSchema = z.looseObject({
  cluster_id: z.string(),
  topic: z.looseObject({ name: z.string(), partition_count: count, replication_factor: z.number().int().nullable(), retention_ms: z.number().nullable() }),
  coverage: z.looseObject({}),
  consumer_health: z.array(z.looseObject({ topic_lag: z.looseObject({}) })),
  governance_alerts: z.array(z.looseObject({})),
  insight_summary: z.looseObject({}),
  observed_at: isoTimeSchema,
  errors: z.array(observationError),
}).meta({ title: 'TopicDetail', description: "Seed 004's topic view: info, coverage, each consuming group's health, governance alerts, insight" });

/** One Server-Sent Events update of the group live stream (`event: update`). */
export const groupLiveUpdateSchema = z.object({
  group_id: z.string(),
  state: z.string(),
  member_count: count,
  members: z.array(z.object({ member_id: z.string(), client_id: z.string(), host: z.string(), partition_count: count })),
  lag_metrics: z.looseObject({}),
  partitions: z.array(z.object({ topic: z.string(), partition: count, lag: nullableNumber, committed_offset: nullableNumber, log_end_offset: nullableNumber })),
  observed_at: isoTimeSchema,
}).meta({ title: 'GroupLiveUpdate' });
