import { withAuth } from '@/lib/api/with-auth';
import { getGroupHealth } from '@/lib/consumers/get-group-health';
import { assertConsumersQuery } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/groups/{group_id}/health?cluster_id= — ConsumerHealthSummary, lag, Burrow status, stuck partitions.
export const GET = withAuth(async ({ searchParams, scope }) => {
  assertConsumersQuery(searchParams);
  return getGroupHealth(scope.clusterId, scope.groupId);
}, { resource: 'kafka_group' });
