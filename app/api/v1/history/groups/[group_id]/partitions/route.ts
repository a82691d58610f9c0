import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { partitionTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';


// GET /api/v1/history/groups/{group_id}/partitions?topic=&partition=&cluster_id=&from=&to=&step=
export const GET = withAuth(async ({ searchParams, scope }) => {
  const query = parseTrendQuery(searchParams, partitionTrendQuery, Date.now());
  return getPartitionTrend(await getDb(), {
    clusterId: scope.clusterId,
    groupId: scope.groupId,
    topic: query.extra.topic,
    partition: query.extra.partition,
    range: query.range,
    requestedStepMs: query.requestedStepMs,
  });
}, { resource: 'kafka_group' });
