import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { acknowledgeAlert } from '@/lib/alerts/alert-actions';
import { acknowledgeBodySchema, alertIdParamsSchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

type Params = { alert_id: string };

export const POST = withAuth<Params>(async ({ params, principal, request }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  acknowledgeBodySchema.parse(await request.json().catch(() => ({})));
  return acknowledgeAlert(await getDb(), alertId, await visibleTeamScope(principal), principal.username, Date.now());
}, { role: 'operator' });
