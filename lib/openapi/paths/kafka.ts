import { liveQuery } from '@/lib/live/interval-query';
import {
  clustersResponseSchema, consumersQuery, groupDetailResponseSchema, groupHealthResponseSchema, groupListResponseSchema,
  groupLiveUpdateSchema, groupPathParameters, topicConsumersResponseSchema, topicDetailResponseSchema, topicPathParameters,
} from '@/lib/consumers/api-schemas';
import type { ApiArea } from '../types';

const liveAndCluster = consumersQuery.extend(liveQuery.shape);

export const kafkaArea: ApiArea = {
  name: 'Kafka consumer groups',
  description: "Seed 004's consumer-governance API: groups, lag statistics, health, topics. Group ids and topic names are URL-encoded.",
  operations: [
    {
      method: 'get', path: '/api/v1/clusters', summary: 'Configured Kafka clusters and Redis streams',
      description: 'No connection strings: the Redis URL may hold a password.',
      responses: { 200: { description: 'Sources', schema: clustersResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/groups', summary: 'Every group with lag statistics', query: consumersQuery,
      description: 'State, type, members, topics, lag P50/P95/max/total, SLO compliance, fairness (Gini), teams; from snapshots: lag seconds, Burrow status and a one-hour sparkline.',
      responses: { 200: { description: 'Groups of the cluster the caller may see', schema: groupListResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/groups/{group_id}', summary: 'One group: members, assignments, partitions',
      pathParameters: groupPathParameters, query: consumersQuery,
      responses: { 200: { description: 'Group detail', schema: groupDetailResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/groups/{group_id}/health', summary: 'ConsumerHealthSummary and Burrow status',
      pathParameters: groupPathParameters, query: consumersQuery,
      responses: { 200: { description: 'Health summary with the recommendation', schema: groupHealthResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/groups/{group_id}/live', summary: 'Live lag, state and members (Server-Sent Events)',
      description: 'An `update` event every `interval` seconds whose data is GroupLiveUpdate; a failed read is an `error` event.',
      pathParameters: groupPathParameters, query: liveAndCluster,
      responses: { 200: { description: 'Event stream', contentType: 'text/event-stream', schema: groupLiveUpdateSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/topics/{topic_name}/consumers', summary: 'Groups reading a topic',
      pathParameters: topicPathParameters, query: consumersQuery,
      responses: { 200: { description: 'Consuming groups', schema: topicConsumersResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/consumers/topics/{topic_name}/detail', summary: 'Topic info, coverage, health, alerts and insight',
      pathParameters: topicPathParameters, query: consumersQuery,
      responses: { 200: { description: 'Topic detail', schema: topicDetailResponseSchema } },
    },
  ],
};
