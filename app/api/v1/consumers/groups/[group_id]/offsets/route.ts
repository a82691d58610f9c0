import { withAuth } from '@/lib/api/with-auth';
import { deleteOffsetsQuerySchema, offsetsDeleteResponseSchema } from '@/lib/actions/api-schemas';
import { deleteKafkaGroupOffsets } from '@/lib/actions/kafka-delete-group';
import { clusterIdFrom } from '@/lib/actions/request-parsing';
import { groupPathParameters } from '@/lib/consumers/query';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// DELETE …/offsets?cluster_id=&topic=[&partitions=0,1]: OffsetDelete (operator; empty group only; audited).
export const DELETE = withAuth(async ({ params, searchParams, principal }) => {
  const clusterId = clusterIdFrom(searchParams, deleteOffsetsQuerySchema);
  const query = deleteOffsetsQuerySchema.parse(Object.fromEntries(searchParams));
  const { group_id: groupId } = groupPathParameters.parse(params);
  await assertCanView(principal, 'kafka_group', groupId, clusterId);
  const partitions = query.partitions ? query.partitions.split(',').map(Number) : null;
  return offsetsDeleteResponseSchema.parse(await deleteKafkaGroupOffsets(principal, clusterId, groupId, query.topic, partitions));
}, { resource: 'kafka_group' });
