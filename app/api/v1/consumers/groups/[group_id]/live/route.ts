import { withAuth } from '@/lib/api/with-auth';
import { getGroupDetail } from '@/lib/consumers/get-group-detail';
import { assertConsumersQuery } from '@/lib/consumers/query';
import { createAuthorizedSseResponse } from '@/lib/live/authorized-sse';
import { liveQuery } from '@/lib/live/interval-query';
import { ApiError } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';


/**
 * The seed's live group monitor (`WS …/live?cluster_id&interval`) as Server-Sent Events: every
 * `interval` seconds the group's lag, state and members. The first update is checked before the
 * stream opens, so an unknown group is a 404 JSON, not an event stream of errors.
 */
export const GET = withAuth(async (context) => {
  const { searchParams, scope: { clusterId, groupId } } = context;
  const { interval } = liveQuery.parse({ interval: searchParams.get('interval') ?? undefined });
  const withoutInterval = new URLSearchParams(searchParams);
  withoutInterval.delete('interval');
  assertConsumersQuery(withoutInterval);
  await getGroupDetail(clusterId, groupId);
  return createAuthorizedSseResponse(context, {
    intervalMs: interval * 1_000,
    produce: async () => {
      const detail = await getGroupDetail(clusterId, groupId);
      return {
        group_id: detail.group_id,
        state: detail.state,
        member_count: detail.member_count,
        members: detail.members.map((member) => ({ member_id: member.member_id, client_id: member.client_id, host: member.host, partition_count: member.partition_count })),
        lag_metrics: detail.lag_metrics,
        partitions: detail.partitions.map((partition) => ({ topic: partition.topic, partition: partition.partition, lag: partition.lag, committed_offset: partition.committed_offset, log_end_offset: partition.log_end_offset })),
        observed_at: detail.observed_at,
      };
    },
    describeFailure: (error) => (error instanceof ApiError ? error.message : 'The group could not be read; the server log has details'),
  });
}, { resource: 'kafka_group' });
