import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { groupPathParameters } from '@/lib/consumers/query';
import { getDb } from '@/lib/db';
import { resolveTrendCluster } from '@/lib/history/trend/cluster';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { partitionTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';


// GET /api/v1/history/groups/{group_id}/partitions?topic=&partition=&cluster_id=&from=&to=&step=
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams }) => {
  const { group_id: groupId } = groupPathParameters.parse(params);
  const query = parseTrendQuery(searchParams, partitionTrendQuery, Date.now());
  const clusterId = resolveTrendCluster(query.clusterId, getConfig().kafka.clusters);
  return getPartitionTrend(await getDb(), {
    clusterId,
    groupId,
    topic: query.extra.topic,
    partition: query.extra.partition,
    range: query.range,
    requestedStepMs: query.requestedStepMs,
  });
});
