import { withAuth } from '@/lib/api/with-auth';
import { assertCanView, visibleTeamScope } from '@/lib/teams/visibility';
import { scopeTopicConsumers } from '@/lib/teams/scoped-views';
import { getTopicConsumers } from '@/lib/consumers/get-topic-consumers';
import { resolveClusterId, topicPathParameters } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/topics/{topic_name}/consumers?cluster_id= — the groups consuming the topic.
export const GET = withAuth<{ topic_name: string }>(async ({ params, searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const { topic_name: topicName } = topicPathParameters.parse(params);
  await assertCanView(principal, 'kafka_topic', topicName, clusterId);
  const [view, scope] = await Promise.all([getTopicConsumers(clusterId, topicName), visibleTeamScope(principal)]);
  return scopeTopicConsumers(view, scope);
});
