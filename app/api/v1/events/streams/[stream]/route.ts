import { withAuth } from '@/lib/api/with-auth';
import { assertCanView } from '@/lib/teams/visibility';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';
import { queryObject, streamDetailQuery, streamPathParameters } from '@/lib/events/query';
import { readStreamDetail } from '@/lib/events/read-stream-detail';

export const dynamic = 'force-dynamic';

// The name comes from the encoded pathname, decoded once (see path-segments.ts), not from params.
export const GET = withAuth<{ stream: string }>(async ({ request, searchParams, principal }) => {
  const [encodedStream = ''] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/events/streams/');
  const { stream: streamName } = streamPathParameters.parse({ stream: encodedStream });
  await assertCanView(principal, 'redis_stream', streamName, null);
  const { dead_consumer_idle_ms: deadConsumerIdleMs } = streamDetailQuery.parse(queryObject(searchParams));
  return readStreamDetail(streamName, deadConsumerIdleMs);
});
