import {
  acknowledgeRequestSchema, actionClusterQuerySchema, auditListResponseSchema, auditQuerySchema, claimRequestSchema, deleteConsumerQuerySchema,
  deleteConsumerResponseSchema, deleteOffsetsQuerySchema, groupDeleteResponseSchema, offsetResetRequestSchema, offsetResetResponseSchema,
  offsetsDeleteResponseSchema, pendingActionResponseSchema, setIdRequestSchema, setIdResponseSchema, streamConsumerPathParameters,
} from '@/lib/actions/api-schemas';
import { errorResponseSchema } from '@/lib/api/api-schemas';
import { groupPathParameters } from '@/lib/consumers/api-schemas';
import { streamGroupPathParameters } from '@/lib/events/query';
import type { ApiArea } from '../types';

const liveMembers = { description: 'The group has live members (or the consumer holds pending entries): nothing changed', schema: errorResponseSchema };
const consumerPath = '/api/v1/events/streams/{stream}/groups/{group}/consumers/{consumer}';

export const actionsArea: ApiArea = {
  name: 'Operator actions and audit',
  description: 'Offset resets, group and offset deletion, and Redis Streams group repairs, each with a dry run that previews the change. Every executed or refused action is written to the audit log. Another team’s group or stream answers 404 before anything happens.',
  operations: [
    {
      method: 'post', path: '/api/v1/consumers/groups/{group_id}/offsets/reset', role: 'operator', summary: "Preview or reset a group's committed offsets on one topic",
      description: 'To earliest, latest, a time, an offset or shifted by a count; offsets outside the log are clamped. Executing while the group has live members answers 409.',
      pathParameters: groupPathParameters, query: actionClusterQuerySchema, body: offsetResetRequestSchema,
      bodyExample: { topic: 'payments', partitions: [0, 1], to: { earliest: true }, dry_run: true },
      responses: { 200: { description: 'Per partition: the offset before and after and the lag it gives', schema: offsetResetResponseSchema }, 409: liveMembers },
    },
    {
      method: 'delete', path: '/api/v1/consumers/groups/{group_id}/offsets', role: 'operator', summary: "Delete a group's committed offsets of one topic",
      description: 'OffsetDelete; only for a group without live members (409 otherwise). `partitions` left out: every partition of the topic.',
      pathParameters: groupPathParameters, query: deleteOffsetsQuerySchema,
      responses: { 200: { description: 'Deleted partitions', schema: offsetsDeleteResponseSchema }, 409: liveMembers },
    },
    {
      method: 'delete', path: '/api/v1/consumers/groups/{group_id}', role: 'operator', summary: 'Delete a consumer group and all its committed offsets',
      description: 'DeleteGroups; only for an empty group (409 while it has live members).',
      pathParameters: groupPathParameters, query: actionClusterQuerySchema,
      responses: { 200: { description: 'Deleted', schema: groupDeleteResponseSchema }, 409: liveMembers },
    },
    {
      method: 'post', path: '/api/v1/events/streams/{stream}/groups/{group}/last-delivered-id', role: 'operator', summary: "Preview or move a stream group's last-delivered ID",
      description: 'XGROUP SETID, with the lag the new ID gives counted first.',
      pathParameters: streamGroupPathParameters, body: setIdRequestSchema, bodyExample: { id: '$', dry_run: true },
      responses: { 200: { description: 'The ID and lag before and after', schema: setIdResponseSchema } },
    },
    {
      method: 'post', path: `${consumerPath}/claim`, role: 'operator', summary: "Preview or claim a consumer's idle pending entries for another consumer",
      pathParameters: streamConsumerPathParameters, body: claimRequestSchema, bodyExample: { to_consumer: 'worker-2', min_idle_ms: 60_000, dry_run: true },
      responses: { 200: { description: 'Matching and claimed entries', schema: pendingActionResponseSchema } },
    },
    {
      method: 'post', path: `${consumerPath}/acknowledge`, role: 'operator', summary: "Preview or acknowledge a consumer's idle pending entries",
      pathParameters: streamConsumerPathParameters, body: acknowledgeRequestSchema, bodyExample: { min_idle_ms: 0, dry_run: true },
      responses: { 200: { description: 'Matching and acknowledged entries', schema: pendingActionResponseSchema } },
    },
    {
      method: 'delete', path: consumerPath, role: 'operator', summary: 'Remove a consumer from a stream group',
      description: 'XGROUP DELCONSUMER; 409 while it holds pending entries unless `force=true` (they are then dropped from the group).',
      pathParameters: streamConsumerPathParameters, query: deleteConsumerQuerySchema,
      responses: { 200: { description: 'Removed', schema: deleteConsumerResponseSchema }, 409: liveMembers },
    },
    {
      method: 'get', path: '/api/v1/audit', role: 'operator', summary: 'The audit log of operator actions, newest first', query: auditQuerySchema,
      description: 'Operators see entries about the groups and streams they may see; admins every entry. Dry runs are not logged.',
      responses: { 200: { description: 'Entries', schema: auditListResponseSchema } },
    },
  ],
};
