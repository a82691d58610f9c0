import { withAuth } from '@/lib/api/with-auth';
import { getGroupDetail } from '@/lib/consumers/get-group-detail';
import { groupPathParameters, resolveClusterId } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}?cluster_id= — members, assignments, per-partition lag.
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams }) => {
  const clusterId = resolveClusterId(searchParams);
  const { group_id: groupId } = groupPathParameters.parse(params);
  return getGroupDetail(clusterId, groupId);
});
