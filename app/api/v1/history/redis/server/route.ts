import { badRequest } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { noExtraTrendQuery } from '@/lib/history/api-schemas';
import { getRedisServerTrend } from '@/lib/history/redis-server/get-trend';
import { parseTrendQuery } from '@/lib/history/trend/query';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/redis/server?from=&to=&step= — the Redis server's memory, clients and ops/s over time.
export const GET = withAuth(async ({ searchParams }) => {
  const query = parseTrendQuery(searchParams, noExtraTrendQuery, Date.now());
  if (query.clusterId !== null) throw badRequest('cluster_id does not apply to Redis');
  return getRedisServerTrend(await getDb(), query.range, query.requestedStepMs);
}, { resource: 'none' });
