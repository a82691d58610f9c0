import { withAuth } from '@/lib/api/with-auth';
import { getGroupDetail } from '@/lib/consumers/get-group-detail';
import { assertConsumersQuery } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}?cluster_id= — members, assignments, per-partition lag.
export const GET = withAuth(async ({ searchParams, scope }) => {
  assertConsumersQuery(searchParams);
  return getGroupDetail(scope.clusterId, scope.groupId);
}, { resource: 'kafka_group' });
