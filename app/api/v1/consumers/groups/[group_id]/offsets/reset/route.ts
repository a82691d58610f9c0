import { withAuth } from '@/lib/api/with-auth';
import { actionClusterQuerySchema, offsetResetRequestSchema, offsetResetResponseSchema } from '@/lib/actions/api-schemas';
import { resetGroupOffsets } from '@/lib/actions/kafka-reset-offsets';
import { clusterIdFrom, parseJsonBody } from '@/lib/actions/request-parsing';
import { groupPathParameters } from '@/lib/consumers/query';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// POST …/offsets/reset?cluster_id= {"topic","partitions"?,"to":{…},"dry_run"}: preview or reset (operator; audited).
export const POST = withAuth(async ({ request, params, searchParams, principal }) => {
  const clusterId = clusterIdFrom(searchParams, actionClusterQuerySchema);
  const { group_id: groupId } = groupPathParameters.parse(params);
  const body = await parseJsonBody(request, offsetResetRequestSchema);
  await assertCanView(principal, 'kafka_group', groupId, clusterId);
  return offsetResetResponseSchema.parse(await resetGroupOffsets(principal, clusterId, groupId, body));
}, { resource: 'kafka_group' });
