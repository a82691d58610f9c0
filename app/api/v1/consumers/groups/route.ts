import { withAuth } from '@/lib/api/with-auth';
import { getGroupList } from '@/lib/consumers/get-group-list';
import { resolveClusterId } from '@/lib/consumers/query';
import { scopeGroupList } from '@/lib/teams/scoped-views';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups?cluster_id= — every group with lag statistics.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const clusterId = resolveClusterId(searchParams);
  return scopeGroupList(await getGroupList(clusterId), scope.teamScope);
}, { resource: 'list' });
