import { withAuth } from '@/lib/api/with-auth';
import { queryObject, streamDetailQuery } from '@/lib/events/query';
import { readStreamDetail } from '@/lib/events/read-stream-detail';

export const dynamic = 'force-dynamic';

// The stream name comes from the wrapper's scope: the encoded pathname, decoded once (see path-segments.ts).
export const GET = withAuth(async ({ searchParams, scope }) => {
  const { dead_consumer_idle_ms: deadConsumerIdleMs } = streamDetailQuery.parse(queryObject(searchParams));
  return readStreamDetail(scope.stream, deadConsumerIdleMs);
}, { resource: 'redis_stream' });
