import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getTopicTrend } from '@/lib/history/trend/get-topic-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/topics/{topic_name}?cluster_id=&from=&to=&step= — a topic across its consuming groups.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  return getTopicTrend(await getDb(), { clusterId: scope.clusterId, topic: scope.topic, range: query.range, requestedStepMs: query.requestedStepMs });
}, { resource: 'kafka_topic' });
