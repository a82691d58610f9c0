import { z } from 'zod';
import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { groupPathParameters, topicPathParameters } from '@/lib/consumers/query';
import { getDb } from '@/lib/db';
import { resolveTrendCluster } from '@/lib/history/trend/cluster';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';

export const dynamic = 'force-dynamic';

const partitionQuery = z.object({
  topic: topicPathParameters.shape.topic_name,
  partition: z.string().regex(/^\d{1,10}$/, 'must be a partition number').transform(Number).pipe(z.number().max(2_147_483_647)),
});

// GET /api/v1/history/groups/{group_id}/partitions?topic=&partition=&cluster_id=&from=&to=&step=
export const GET = withAuth<{ group_id: string }>(async ({ params, searchParams }) => {
  const { group_id: groupId } = groupPathParameters.parse(params);
  const query = parseTrendQuery(searchParams, partitionQuery, Date.now());
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
