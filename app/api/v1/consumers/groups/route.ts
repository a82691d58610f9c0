import { withAuth } from '@/lib/api/with-auth';
import { getGroupList } from '@/lib/consumers/get-group-list';
import { resolveClusterId } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups?cluster_id= — every group with lag statistics.
export const GET = withAuth(async ({ searchParams }) => getGroupList(resolveClusterId(searchParams)));
