import { z } from 'zod';
import { groupName, streamGroupPathParameters } from '@/lib/events/query';

/**
 * Every request and response body of the action and audit endpoints, exported for the OpenAPI
 * description. Handlers parse requests with these and build responses typed by them.
 */

const clusterId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');
const topicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a Kafka topic name: 1-249 letters, digits, ".", "_" or "-"');
const partitionIndex = z.number().int().min(0).max(2_147_483_647);
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A stream entry ID (`ms-seq`), `0` / `0-0` for the start or `$` for the newest entry. */
export const streamIdSchema = z.string().regex(/^(\$|0|\d{1,20}-\d{1,20}|\d{1,20})$/, 'must be a stream ID (ms-seq), "0" or "$"');

// ---- Kafka ----------------------------------------------------------------------------------

export const actionClusterQuerySchema = z.strictObject({ cluster_id: clusterId.optional() });
export const deleteOffsetsQuerySchema = z.strictObject({
  cluster_id: clusterId.optional(),
  topic: topicName,
  /** Comma-separated partitions; all of the topic's when left out. */
  partitions: z.string().regex(/^\d+(,\d+)*$/, 'must be partition numbers separated by commas').optional(),
});

export const offsetResetTargetSchema = z.union([
  z.strictObject({ earliest: z.literal(true) }),
  z.strictObject({ latest: z.literal(true) }),
  /** ISO 8601 time or milliseconds since the epoch. */
  z.strictObject({ timestamp: z.union([z.iso.datetime({ offset: true }), z.number().int().min(0)]) }),
  z.strictObject({ offset }),
  z.strictObject({ shift_by: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).refine((value) => value !== 0, 'must not be 0') }),
]);

export const offsetResetRequestSchema = z.strictObject({
  topic: topicName,
  partitions: z.array(partitionIndex).min(1).max(10_000).optional(),
  to: offsetResetTargetSchema,
  dry_run: z.boolean(),
});

export const offsetResetPartitionSchema = z.object({
  partition: z.number().int(),
  current_offset: z.number().int().nullable(),
  new_offset: z.number().int(),
  log_start_offset: z.number().int(),
  log_end_offset: z.number().int(),
  lag_before: z.number().int().nullable(),
  lag_after: z.number().int(),
  clamped: z.boolean(),
});

export const liveMemberSchema = z.object({ member_id: z.string(), client_id: z.string(), host: z.string() });

export const offsetResetResponseSchema = z.object({
  cluster_id: z.string(),
  group_id: z.string(),
  topic: z.string(),
  dry_run: z.boolean(),
  executed: z.boolean(),
  /** false while the group has live members: the preview is shown, executing answers 409. */
  can_execute: z.boolean(),
  live_members: z.array(liveMemberSchema),
  group_state: z.string(),
  partitions: z.array(offsetResetPartitionSchema),
  total_lag_before: z.number().int(),
  total_lag_after: z.number().int(),
  /** After an executed reset: the committed offsets Kafka reports now. */
  committed_after: z.array(z.object({ partition: z.number().int(), committed_offset: z.number().int().nullable() })).nullable(),
  audit_id: z.string().nullable(),
});

export const groupDeleteResponseSchema = z.object({
  cluster_id: z.string(),
  group_id: z.string(),
  deleted: z.literal(true),
  audit_id: z.string(),
});

export const offsetsDeleteResponseSchema = z.object({
  cluster_id: z.string(),
  group_id: z.string(),
  topic: z.string(),
  deleted_partitions: z.array(z.number().int()),
  audit_id: z.string(),
});

// ---- Redis ----------------------------------------------------------------------------------

/** `{stream}/groups/{group}/consumers/{consumer}`: names decoded once from the encoded path. */
export const streamConsumerPathParameters = streamGroupPathParameters.extend({ consumer: groupName });

export const setIdRequestSchema = z.strictObject({ id: streamIdSchema, dry_run: z.boolean() });

export const setIdResponseSchema = z.object({
  stream: z.string(),
  group: z.string(),
  dry_run: z.boolean(),
  executed: z.boolean(),
  last_delivered_id_before: z.string(),
  last_delivered_id_after: z.string(),
  lag_before: z.number().int().nullable(),
  /** Entries after the new id, counted (bounded by the count limit). */
  lag_after: z.number().int(),
  lag_after_at_least: z.boolean(),
  /** Passed to XGROUP SETID as ENTRIESREAD when it can be known; null otherwise (Redis then reports lag nil). */
  entries_read: z.number().int().nullable(),
  audit_id: z.string().nullable(),
});

export const claimRequestSchema = z.strictObject({
  to_consumer: z.string().min(1).max(1024),
  min_idle_ms: z.number().int().min(0).max(365 * 24 * 3_600_000),
  dry_run: z.boolean(),
});

export const acknowledgeRequestSchema = z.strictObject({
  min_idle_ms: z.number().int().min(0).max(365 * 24 * 3_600_000).default(0),
  dry_run: z.boolean(),
});

export const pendingActionResponseSchema = z.object({
  stream: z.string(),
  group: z.string(),
  consumer: z.string(),
  action: z.enum(['claim', 'acknowledge']),
  dry_run: z.boolean(),
  executed: z.boolean(),
  to_consumer: z.string().nullable(),
  min_idle_ms: z.number().int(),
  /** Pending entries of the consumer idle at least min_idle_ms (up to the per-action limit). */
  matching_count: z.number().int(),
  /** True when more entries match than one action handles: run it again. */
  limit_reached: z.boolean(),
  /** Entries claimed or acknowledged (0 for a dry run). */
  affected_count: z.number().int(),
  consumer_pending_before: z.number().int(),
  consumer_pending_after: z.number().int().nullable(),
  audit_id: z.string().nullable(),
});

export const deleteConsumerQuerySchema = z.strictObject({ force: z.enum(['true', 'false']).optional() });

export const deleteConsumerResponseSchema = z.object({
  stream: z.string(),
  group: z.string(),
  consumer: z.string(),
  deleted: z.literal(true),
  /** Pending entries the consumer held, dropped from the group's PEL with it. */
  pending_dropped: z.number().int(),
  audit_id: z.string(),
});

// ---- Audit ----------------------------------------------------------------------------------

export const auditOutcomeSchema = z.enum(['succeeded', 'refused', 'failed']);

export const auditQuerySchema = z.strictObject({
  cluster: z.string().max(64).optional(),
  group: z.string().max(32_767).optional(),
  stream: z.string().max(32_767).optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  outcome: auditOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  created_at: z.string(),
  actor: z.object({ username: z.string(), role: z.string(), via: z.string() }),
  action: z.string(),
  source: z.enum(['kafka', 'redis']),
  cluster_id: z.string().nullable(),
  group_id: z.string().nullable(),
  topic: z.string().nullable(),
  stream: z.string().nullable(),
  outcome: auditOutcomeSchema,
  status: z.number().int(),
  message: z.string().nullable(),
  parameters: z.unknown(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  count: z.number().int(),
  limit: z.number().int(),
});

export type OffsetResetRequest = z.infer<typeof offsetResetRequestSchema>;
export type OffsetResetResponse = z.infer<typeof offsetResetResponseSchema>;
export type GroupDeleteResponse = z.infer<typeof groupDeleteResponseSchema>;
export type OffsetsDeleteResponse = z.infer<typeof offsetsDeleteResponseSchema>;
export type SetIdResponse = z.infer<typeof setIdResponseSchema>;
export type PendingActionResponse = z.infer<typeof pendingActionResponseSchema>;
export type DeleteConsumerResponse = z.infer<typeof deleteConsumerResponseSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditEntryJson = z.infer<typeof auditEntrySchema>;
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;
