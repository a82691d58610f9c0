import { z } from 'zod';
import { withAuth } from '@/lib/api/with-auth';
import { topicPathParameters } from '@/lib/consumers/query';
import { getDb } from '@/lib/db';
import { getPartitionTrend } from '@/lib/history/trend/get-partition-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';

export const dynamic = 'force-dynamic';

const partitionQuery = z.object({
  topic: topicPathParameters.shape.topic_name,
  partition: z.string().regex(/^\d{1,10}$/, 'must be a partition number').transform(Number).pipe(z.number().max(2_147_483_647)),
});

// GET /api/v1/history/groups/{group_id}/partitions?topic=&partition=&cluster_id=&from=&to=&step=
export const GET = withAuth(async ({ searchParams, scope }) => {
  const query = parseTrendQuery(searchParams, partitionQuery, Date.now());
  return getPartitionTrend(await getDb(), {
    clusterId: scope.clusterId,
    groupId: scope.groupId,
    topic: query.extra.topic,
    partition: query.extra.partition,
    range: query.range,
    requestedStepMs: query.requestedStepMs,
  });
}, { resource: 'kafka_group' });
