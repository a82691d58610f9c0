import { withAuth } from '@/lib/api/with-auth';
import { collectMetrics } from '@/lib/metrics/collect-metrics';

export const dynamic = 'force-dynamic';

// Prometheus exposition (text format 0.0.4) for a bearer token or a session, like every API,
// holding only the groups and streams the caller may see (an admin's token exports everything).
export const GET = withAuth(async ({ scope }) => {
  const { text, contentType } = await collectMetrics(scope.teamScope);
  return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}, { resource: 'list' });
