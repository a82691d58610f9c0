import { withAuth } from '@/lib/api/with-auth';
import { groupDeleteResponseSchema } from '@/lib/actions/api-schemas';
import { deleteKafkaGroup } from '@/lib/actions/kafka-delete-group';
import { assertCanView } from '@/lib/teams/visibility';
import { getGroupDetail } from '@/lib/consumers/get-group-detail';
import { groupPathParameters, resolveClusterId } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}?cluster_id= — members, assignments, per-partition lag.
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const { group_id: groupId } = groupPathParameters.parse(params);
  await assertCanView(principal, 'kafka_group', groupId, clusterId);
  return getGroupDetail(clusterId, groupId);
});

// DELETE /api/v1/consumers/groups/{group_id}?cluster_id=: DeleteGroups (operator; empty group only; audited).
export const DELETE = withAuth<{ group_id: string }>(async ({ params, searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const { group_id: groupId } = groupPathParameters.parse(params);
  await assertCanView(principal, 'kafka_group', groupId, clusterId);
  return groupDeleteResponseSchema.parse(await deleteKafkaGroup(principal, clusterId, groupId));
});
