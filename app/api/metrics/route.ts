import { withAuth } from '@/lib/api/with-auth';
import { collectMetrics } from '@/lib/metrics/collect-metrics';

export const dynamic = 'force-dynamic';

// Prometheus exposition (text format 0.0.4) for a bearer token or a session, like every API.
export const GET = withAuth(async () => {
  const { text, contentType } = await collectMetrics();
  return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
});
