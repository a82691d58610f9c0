import { notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { assertCanView } from '@/lib/teams/visibility';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';
import { streamGroupPathParameters, queryObject, streamDetailQuery } from '@/lib/events/query';
import { detailOptionsFromConfig, readObservation } from '@/lib/events/read-observation';
import { buildGroupDetail } from '@/lib/events/stream-detail';

export const dynamic = 'force-dynamic';

// Names come from the encoded pathname, decoded once (see path-segments.ts), not from params.
export const GET = withAuth<{ stream: string; group: string }>(async ({ request, searchParams, principal }) => {
  const [encodedStream = '', , encodedGroup = ''] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/events/streams/');
  const { stream: streamName, group: consumerGroup } = streamGroupPathParameters.parse({ stream: encodedStream, group: encodedGroup });
  await assertCanView(principal, 'redis_stream', streamName, null);
  const { dead_consumer_idle_ms: deadConsumerIdleMs } = streamDetailQuery.parse(queryObject(searchParams));
  const detail = buildGroupDetail(await readObservation(), streamName, consumerGroup, detailOptionsFromConfig(deadConsumerIdleMs));
  if (!detail) {
    throw notFound(`Group "${consumerGroup}" of stream "${streamName}" is not observed`);
  }
  return detail;
});
