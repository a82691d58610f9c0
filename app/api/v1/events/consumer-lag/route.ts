import { withAuth } from '@/lib/api/with-auth';
import { scopeStreams } from '@/lib/teams/scoped-views';
import { getConfig } from '@/lib/config';
import { buildConsumerLag } from '@/lib/events/consumer-lag';
import { consumerGroupQuery, queryObject } from '@/lib/events/query';
import { readGroupLagObservation } from '@/lib/events/read-observation';

export const dynamic = 'force-dynamic';

// Seed 000's GET /events/consumer-lag, for EVENT_TRANSPORT_CONSUMER_GROUP or ?group=.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const { group } = consumerGroupQuery.parse(queryObject(searchParams));
  const consumerGroup = group ?? getConfig().eventTransport.consumerGroup;
  const observation = await readGroupLagObservation(consumerGroup);
  return buildConsumerLag({ ...observation, streams: scopeStreams(observation.streams, scope.teamScope) }, consumerGroup);
}, { resource: 'list' });
