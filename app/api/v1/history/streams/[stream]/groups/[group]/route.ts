import { badRequest } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getStreamGroupTrend } from '@/lib/history/trend/get-stream-group-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';
import { streamGroupPathParameters } from '@/lib/events/query';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/streams/{stream}/groups/{group}?from=&to=&step= — a Redis stream group's trend.
// Names come from the encoded pathname (see lib/events/path-segments.ts): stream names hold ':' and '/'.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const { stream: encodedStream, segmentsAfterStream: [literal, encodedGroup, ...rest] } = scope;
  if (literal !== 'groups' || !encodedGroup || rest.length > 0) {
    throw badRequest('Path must be /api/v1/history/streams/{stream}/groups/{group}');
  }
  const { stream, group } = streamGroupPathParameters.parse({ stream: encodedStream, group: encodedGroup });
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  if (query.clusterId !== null) throw badRequest('cluster_id does not apply to Redis streams');
  return getStreamGroupTrend(await getDb(), { stream, group, range: query.range, requestedStepMs: query.requestedStepMs });
}, { resource: 'redis_stream' });
