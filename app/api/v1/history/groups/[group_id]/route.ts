import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getGroupTrend } from '@/lib/history/trend/get-group-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/groups/{group_id}?cluster_id=&from=&to=&step= — a Kafka group's trend and markers.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  return getGroupTrend(await getDb(), { clusterId: scope.clusterId, groupId: scope.groupId, range: query.range, requestedStepMs: query.requestedStepMs });
}, { resource: 'kafka_group' });
