import { withAuth } from '@/lib/api/with-auth';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeTopicConsumers } from '@/lib/teams/scoped-views';
import { getTopicConsumers } from '@/lib/consumers/get-topic-consumers';
import { assertConsumersQuery } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/topics/{topic_name}/consumers?cluster_id= — the groups consuming the topic.
export const GET = withAuth(async ({ searchParams, principal, scope }) => {
  assertConsumersQuery(searchParams);
  const [view, teamScope] = await Promise.all([getTopicConsumers(scope.clusterId, scope.topic), visibleTeamScope(principal)]);
  return scopeTopicConsumers(view, teamScope);
}, { resource: 'kafka_topic' });
