import { z } from 'zod';
import { isoTimeSchema } from '@/lib/api/api-schemas';

/**
 * The Redis Streams API's response schemas (request schemas: ./query.ts), used by
 * lib/openapi/paths/redis.ts. Loose objects: the seeds' fields are named, detail may follow.
 */

const count = z.number().int().nonnegative();
const healthClass = z.enum(['healthy', 'degraded', 'unknown', 'unhealthy']);

const groupLag = {
  lag: z.number().int().meta({ description: 'Entries not yet delivered to the group; -1 when it cannot be told' }),
  lag_estimated: z.boolean(),
  lag_at_least: z.boolean(),
  redis_lag: z.number().int().nullable(),
};

export const consumerLagResponseSchema = z.looseObject({
  streams: z.record(z.string(), z.looseObject({ lag: z.number().int(), consumers: z.array(z.string()) })),
  total_lag: z.number().int(),
  stream_count: count,
  consumer_group: z.string(),
  observed_at: isoTimeSchema,
}).meta({ title: 'ConsumerLag', description: "Seed 000's shape" });

export const streamGroupSummarySchema = z.looseObject({
  name: z.string(),
  consumers: count,
  pending: count,
  ...groupLag,
  oldest_pending_age_ms: z.number().nullable(),
  dead_consumer_candidates: z.array(z.string()),
  health: healthClass.meta({ description: 'Lag, pending entries, their age and dead consumers together; the worst signal wins' }),
  health_reasons: z.array(z.string()).meta({ example: ['the oldest pending entry has waited 2.3 h (over 15 min)'] }),
});

export const streamSummarySchema = z.looseObject({
  name: z.string(),
  length: count,
  groups: count,
  exists: z.boolean(),
  last_entry_age_ms: z.number().nullable(),
  consumer_groups: z.array(streamGroupSummarySchema),
});

export const redisServerSchema = z.object({
  version: z.string(),
  used_memory_bytes: count,
  max_memory_bytes: count.meta({ description: '0: no limit' }),
  connected_clients: count,
  ops_per_second: z.number().nonnegative(),
});

export const streamsListResponseSchema = z.looseObject({
  streams: z.array(streamSummarySchema),
  server: redisServerSchema.nullable(),
  errors: z.array(z.object({ scope: z.string(), message: z.string() })),
  observed_at: isoTimeSchema,
}).meta({ title: 'StreamsList', description: "Seed 001's {streams: [{name, length, groups}]} plus detail" });

export const eventsHealthResponseSchema = z.looseObject({
  status: z.enum(['healthy', 'degraded', 'unhealthy']),
  redis_connected: z.boolean(),
}).meta({ title: 'EventsHealth', description: "Seed 000's health; with Redis down: 503 and {status: unhealthy, redis_connected: false, error}" });

const streamGroupDetailSchema = z.looseObject({
  name: z.string(),
  pending: count,
  ...groupLag,
  lag_class: healthClass,
  pending_class: z.enum(['good', 'warning', 'critical', 'unknown']),
  oldest_pending_age_ms: z.number().nullable(),
  consumers: z.array(z.looseObject({ name: z.string(), pending: count, idle_ms: count, dead_candidate: z.boolean() })),
  dead_consumer_candidates: z.array(z.string()),
});

export const streamDetailResponseSchema = z.looseObject({
  name: z.string(),
  length: count,
  exists: z.boolean(),
  consumer_groups: z.array(streamGroupDetailSchema),
  dead_consumer_idle_ms: count,
  observed_at: isoTimeSchema,
}).meta({ title: 'StreamDetail' });

export const streamGroupDetailResponseSchema = streamGroupDetailSchema.extend({ stream: z.string(), dead_consumer_idle_ms: count, observed_at: isoTimeSchema }).meta({ title: 'StreamGroupDetail' });

/** One `event: update` of the stream live stream. */
export const streamLiveUpdateSchema = z.looseObject({
  stream: z.string(),
  exists: z.boolean(),
  length: count,
  groups: z.array(z.looseObject({ name: z.string(), ...groupLag, pending: count })),
  observed_at: isoTimeSchema,
}).meta({ title: 'StreamLiveUpdate' });
