import { withAuth } from '@/lib/api/with-auth';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeTopicDetail } from '@/lib/teams/scoped-views';
import { getTopicDetail } from '@/lib/consumers/get-topic-detail';
import { assertConsumersQuery } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/topics/{topic_name}/detail?cluster_id= — topic info, coverage,
// consumer health, governance alerts and an insight summary.
export const GET = withAuth(async ({ searchParams, principal, scope }) => {
  assertConsumersQuery(searchParams);
  const [view, teamScope] = await Promise.all([getTopicDetail(scope.clusterId, scope.topic), visibleTeamScope(principal)]);
  return scopeTopicDetail(view, teamScope);
}, { resource: 'kafka_topic' });
