import { withAuth } from '@/lib/api/with-auth';
import { getGroupList } from '@/lib/consumers/get-group-list';
import { resolveClusterId } from '@/lib/consumers/query';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeGroupList } from '@/lib/teams/scoped-views';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups?cluster_id= — every group with lag statistics.
export const GET = withAuth(async ({ searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const [list, scope] = await Promise.all([getGroupList(clusterId), visibleTeamScope(principal)]);
  return scopeGroupList(list, scope);
});
