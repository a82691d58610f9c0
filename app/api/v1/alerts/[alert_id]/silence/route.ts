import { badRequest } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { silenceAlert } from '@/lib/alerts/alert-actions';
import { alertIdParamsSchema, silenceBodySchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

type Params = { alert_id: string };

export const POST = withAuth<Params>(async ({ params, principal, request }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  const body = silenceBodySchema.parse(await request.json().catch(() => {
    throw badRequest('The body must be JSON: {"until": ISO time} or {"duration_minutes": n}');
  }));
  return silenceAlert(await getDb(), alertId, await visibleTeamScope(principal), principal.username, body, Date.now());
}, { role: 'operator' });
