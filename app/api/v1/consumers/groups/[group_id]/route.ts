import { withAuth } from '@/lib/api/with-auth';
import { actionClusterQuerySchema, groupDeleteResponseSchema } from '@/lib/actions/api-schemas';
import { deleteKafkaGroup } from '@/lib/actions/kafka-delete-group';
import { getGroupDetail } from '@/lib/consumers/get-group-detail';
import { assertConsumersQuery } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}?cluster_id= — members, assignments, per-partition lag.
export const GET = withAuth(async ({ searchParams, scope }) => {
  assertConsumersQuery(searchParams);
  return getGroupDetail(scope.clusterId, scope.groupId);
}, { resource: 'kafka_group' });

// DELETE /api/v1/consumers/groups/{group_id}?cluster_id=: DeleteGroups (operator; empty group only; audited).
export const DELETE = withAuth(async ({ principal, scope, searchParams }) => {
  actionClusterQuerySchema.parse(Object.fromEntries(searchParams));
  return groupDeleteResponseSchema.parse(await deleteKafkaGroup(principal, scope.clusterId, scope.groupId));
}, { resource: 'kafka_group' });
