import { liveQuery } from '@/lib/live/interval-query';
import { consumerGroupQuery, streamDetailQuery, streamGroupPathParameters, streamPathParameters } from '@/lib/events/query';
import {
  consumerLagResponseSchema, eventsHealthResponseSchema, streamDetailResponseSchema, streamGroupDetailResponseSchema,
  streamLiveUpdateSchema, streamsListResponseSchema,
} from '@/lib/events/api-schemas';
import type { ApiArea } from '../types';

export const redisArea: ApiArea = {
  name: 'Redis Streams',
  description: "Seeds 000–002's event-transport API: lag, pending entries and consumers of each stream's consumer groups. Stream names are URL-encoded (events%3Achat).",
  operations: [
    {
      method: 'get', path: '/api/v1/events/consumer-lag', summary: "Lag per stream for one group (seed 000's shape)", query: consumerGroupQuery,
      responses: { 200: { description: 'Lag per stream', schema: consumerLagResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/events/health', summary: "Streams health (seed 000's shape)", query: consumerGroupQuery,
      description: 'Redis down is an answer: 503 with `{"status":"unhealthy","redis_connected":false,"error":…}`.',
      responses: { 200: { description: 'Health', schema: eventsHealthResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/events/streams', summary: 'Every observed stream with its groups and Redis server figures',
      description: 'Each group carries `health` and `health_reasons`: lag, pending entries, the oldest pending entry\'s age and dead-consumer candidates together.',
      responses: { 200: { description: 'Streams', schema: streamsListResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/events/streams/{stream}', summary: 'One stream: groups, consumers, pending, dead-consumer candidates',
      pathParameters: streamPathParameters, query: streamDetailQuery,
      responses: { 200: { description: 'Stream detail', schema: streamDetailResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/events/streams/{stream}/groups/{group}', summary: 'One group of one stream',
      pathParameters: streamGroupPathParameters, query: streamDetailQuery,
      responses: { 200: { description: 'Group detail', schema: streamGroupDetailResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/events/streams/{stream}/live', summary: 'Live group figures of a stream (Server-Sent Events)',
      description: 'An `update` event every `interval` seconds whose data is StreamLiveUpdate; a failed read is an `error` event.',
      pathParameters: streamPathParameters, query: liveQuery,
      responses: { 200: { description: 'Event stream', contentType: 'text/event-stream', schema: streamLiveUpdateSchema } },
    },
  ],
};
