import { withAuth } from '@/lib/api/with-auth';
import { assertCanView, visibleTeamScope } from '@/lib/teams/visibility';
import { scopeTopicDetail } from '@/lib/teams/scoped-views';
import { getTopicDetail } from '@/lib/consumers/get-topic-detail';
import { resolveClusterId, topicPathParameters } from '@/lib/consumers/query';

export const dynamic = 'force-dynamic';

// Seed 004: GET /api/v1/consumers/topics/{topic_name}/detail?cluster_id= — topic info, coverage,
// consumer health, governance alerts and an insight summary.
export const GET = withAuth<{ topic_name: string }>(async ({ params, searchParams, principal }) => {
  const clusterId = resolveClusterId(searchParams);
  const { topic_name: topicName } = topicPathParameters.parse(params);
  await assertCanView(principal, 'kafka_topic', topicName, clusterId);
  const [view, scope] = await Promise.all([getTopicDetail(clusterId, topicName), visibleTeamScope(principal)]);
  return scopeTopicDetail(view, scope);
});
