import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { groupPathParameters } from '@/lib/consumers/query';
import { getDb } from '@/lib/db';
import { resolveTrendCluster } from '@/lib/history/trend/cluster';
import { getGroupTrend } from '@/lib/history/trend/get-group-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/groups/{group_id}?cluster_id=&from=&to=&step= — a Kafka group's trend and markers.
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams }) => {
  const { group_id: groupId } = groupPathParameters.parse(params);
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  const clusterId = resolveTrendCluster(query.clusterId, getConfig().kafka.clusters);
  return getGroupTrend(await getDb(), { clusterId, groupId, range: query.range, requestedStepMs: query.requestedStepMs });
});
