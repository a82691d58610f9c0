import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { getAlert } from '@/lib/alerts/alert-actions';
import { alertIdParamsSchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

type Params = { alert_id: string };

export const GET = withAuth<Params>(async ({ params, principal }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  return getAlert(await getDb(), alertId, await visibleTeamScope(principal));
});
