import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { topicPathParameters } from '@/lib/consumers/query';
import { getDb } from '@/lib/db';
import { resolveTrendCluster } from '@/lib/history/trend/cluster';
import { getTopicTrend } from '@/lib/history/trend/get-topic-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/topics/{topic_name}?cluster_id=&from=&to=&step= — a topic across its consuming groups.
export const GET = withAuth<{ topic_name: string }>(async ({ params, searchParams }) => {
  const { topic_name: topic } = topicPathParameters.parse(params);
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  const clusterId = resolveTrendCluster(query.clusterId, getConfig().kafka.clusters);
  return getTopicTrend(await getDb(), { clusterId, topic, range: query.range, requestedStepMs: query.requestedStepMs });
});
