import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getAlert } from '@/lib/alerts/alert-actions';
import { alertIdParamsSchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';


export const GET = withAuth(async ({ params, principal }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  return getAlert(await getDb(), alertId, await visibleTeamScope(principal));
}, { resource: 'list' });
