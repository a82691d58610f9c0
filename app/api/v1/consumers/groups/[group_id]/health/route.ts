import { withAuth } from '@/lib/api/with-auth';
import { assertCanView } from '@/lib/teams/visibility';
import { getGroupHealth } from '@/lib/consumers/get-group-health';
import { groupPathParameters, resolveClusterId } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}/health?cluster_id= — ConsumerHealthSummary, lag, Burrow status, stuck partitions.
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const { group_id: groupId } = groupPathParameters.parse(params);
  await assertCanView(principal, 'kafka_group', groupId, clusterId);
  return getGroupHealth(clusterId, groupId);
});
