import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { alertListQuerySchema } from '@/lib/alerts/api-schemas';
import { listAlerts } from '@/lib/alerts/list-alerts';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

export const GET = withAuth(async ({ searchParams, principal }) => {
  const query = alertListQuerySchema.parse(Object.fromEntries(searchParams));
  return listAlerts(await getDb(), query, await visibleTeamScope(principal));
}, { resource: 'list' });
