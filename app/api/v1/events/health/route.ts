import { withAuth } from '@/lib/api/with-auth';
import { scopeStreams } from '@/lib/teams/scoped-views';
import { getConfig } from '@/lib/config';
import { buildEventsHealth, redisDownHealth } from '@/lib/events/health';
import { consumerGroupQuery, queryObject } from '@/lib/events/query';
import { readGroupLagObservationOrNull } from '@/lib/events/read-observation';

export const dynamic = 'force-dynamic';

// Seed 000's GET /events/health. Redis down is an answer, not an error: the seed's body, 503.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const { group } = consumerGroupQuery.parse(queryObject(searchParams));
  const config = getConfig();
  const consumerGroup = group ?? config.eventTransport.consumerGroup;
  const observation = await readGroupLagObservationOrNull(consumerGroup);
  if (!observation) {
    return Response.json(redisDownHealth, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
  return buildEventsHealth({ ...observation, streams: scopeStreams(observation.streams, scope.teamScope) }, {
    consumerGroup,
    transportMode: config.eventTransport.useRedisStreams ? 'redis_streams' : 'http',
    thresholds: { degraded: config.thresholds.streamLagDegraded, unhealthy: config.thresholds.streamLagUnhealthy },
  });
}, { resource: 'list' });
