import { withAuth } from '@/lib/api/with-auth';
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
