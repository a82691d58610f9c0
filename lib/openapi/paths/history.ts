import { groupPathParameters, topicPathParameters } from '@/lib/consumers/api-schemas';
import { streamGroupPathParameters } from '@/lib/events/query';
import {
  groupTrendResponseSchema, historyStatusResponseSchema, noExtraTrendQuery, partitionTrendQuery, partitionTrendResponseSchema,
  redisServerTrendResponseSchema, streamGroupTrendResponseSchema, topicTrendResponseSchema,
} from '@/lib/history/api-schemas';
import { trendQuerySchema } from '@/lib/history/trend/query';
import type { ApiArea } from '../types';

// A trend route parses trendQuerySchema plus its own schema (parseTrendQuery); the description shows both.
const trendQuery = (extra: typeof noExtraTrendQuery | typeof partitionTrendQuery) => trendQuerySchema.extend(extra.shape);
const streamTrendQuery = trendQuerySchema.omit({ cluster_id: true });

export const historyArea: ApiArea = {
  name: 'History',
  description: "Trends from the collector's snapshots (raw, then 5-minute rollups), at most 1,000 points per answer.",
  operations: [
    {
      method: 'get', path: '/api/v1/history/groups/{group_id}', summary: 'Kafka group trend with rebalance and state markers',
      pathParameters: groupPathParameters, query: trendQuery(noExtraTrendQuery),
      responses: { 200: { description: 'Trend', schema: groupTrendResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/history/groups/{group_id}/partitions', summary: 'One partition of a group',
      pathParameters: groupPathParameters, query: trendQuery(partitionTrendQuery),
      responses: { 200: { description: 'Trend', schema: partitionTrendResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/history/topics/{topic_name}', summary: 'A topic across its consuming groups',
      pathParameters: topicPathParameters, query: trendQuery(noExtraTrendQuery),
      responses: { 200: { description: 'Trend', schema: topicTrendResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/history/streams/{stream}/groups/{group}', summary: 'A Redis stream group trend',
      pathParameters: streamGroupPathParameters, query: streamTrendQuery,
      responses: { 200: { description: 'Trend', schema: streamGroupTrendResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/history/redis/server', summary: 'Redis server trend: memory (and share of maxmemory), clients, ops/s',
      description: 'From one sample per collector snapshot; samples go with the raw retention (RETENTION_RAW).',
      query: streamTrendQuery,
      responses: { 200: { description: 'Trend', schema: redisServerTrendResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/history/status', summary: 'Collector status, coverage and retention',
      responses: { 200: { description: 'Status', schema: historyStatusResponseSchema } },
    },
  ],
};
