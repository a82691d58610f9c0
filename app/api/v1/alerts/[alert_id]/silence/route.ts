import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { silenceAlert } from '@/lib/alerts/alert-actions';
import { alertIdParamsSchema, silenceBodySchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';


export const POST = withAuth(async ({ params, principal, request }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  const body = await readJsonBody(request, silenceBodySchema);
  return silenceAlert(await getDb(), alertId, await visibleTeamScope(principal), principal.username, body, Date.now());
}, { resource: 'list', role: 'operator' });
