import { z } from 'zod';
import { isoTimeSchema, nullableIsoTimeSchema } from '@/lib/api/api-schemas';
import { topicPathParameters } from '@/lib/consumers/api-schemas';

/** The history API's schemas, shared by its routes and lib/openapi/paths/history.ts. */

/** The extra query of the partition trend (on top of the trend query: cluster_id, from, to, step). */
export const partitionTrendQuery = z.object({
  topic: topicPathParameters.shape.topic_name,
  partition: z.string().regex(/^\d{1,10}$/, 'must be a partition number').transform(Number).pipe(z.number().max(2_147_483_647)).meta({ example: '0' }),
});

/** Trends with no query of their own. */
export const noExtraTrendQuery = z.object({});

const stats = z.object({ min: z.number().nullable(), avg: z.number().nullable(), max: z.number().nullable() });
const frame = {
  from: isoTimeSchema,
  to: isoTimeSchema,
  step_ms: z.number().int().positive(),
  sources: z.object({ rollup: z.object({ from: isoTimeSchema, to: isoTimeSchema }).nullable(), raw: z.object({ from: isoTimeSchema, to: isoTimeSchema }).nullable() }),
};
const point = z.looseObject({ time: isoTimeSchema });

export const groupTrendResponseSchema = z.looseObject({
  cluster_id: z.string(),
  group_id: z.string(),
  ...frame,
  points: z.array(point),
  markers: z.array(z.looseObject({ time: isoTimeSchema, kind: z.enum(['rebalance', 'state_change']), previous_state: z.string(), state: z.string() })),
  markers_truncated: z.boolean(),
}).meta({ title: 'GroupTrend', description: 'Per step: total and max lag, lag seconds and members, each {min, avg, max}' });

export const partitionTrendResponseSchema = z.looseObject({ ...frame, points: z.array(point) }).meta({ title: 'PartitionTrend' });
export const topicTrendResponseSchema = z.looseObject({ ...frame, points: z.array(point) }).meta({ title: 'TopicTrend' });
export const streamGroupTrendResponseSchema = z.looseObject({ stream: z.string(), group: z.string(), ...frame, points: z.array(point) }).meta({ title: 'StreamGroupTrend' });

export const historyStatusResponseSchema = z.looseObject({
  collector_mode: z.enum(['embedded', 'external', 'off']),
  snapshot_interval_ms: z.number().int().positive(),
  retention_raw_ms: z.number().int().positive(),
  retention_rollup_ms: z.number().int().positive(),
}).meta({ title: 'HistoryStatus' });

const avgMax = z.object({ avg: z.number(), max: z.number() });
export const redisServerTrendResponseSchema = z.object({
  from: isoTimeSchema,
  to: isoTimeSchema,
  step_ms: z.number().int().positive(),
  points: z.array(z.object({
    time: isoTimeSchema,
    samples: z.number().int().positive(),
    used_memory_bytes: avgMax,
    used_memory_ratio: z.object({ avg: z.number().nullable(), max: z.number().nullable() }).meta({ description: 'Used memory / maxmemory (0..1); null without a limit' }),
    max_memory_bytes: z.number().meta({ description: '0: no limit' }),
    connected_clients: avgMax,
    ops_per_second: avgMax,
  })),
}).meta({ title: 'RedisServerTrend' });

export { stats as trendStatsSchema, nullableIsoTimeSchema };
