import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { acknowledgeAlert } from '@/lib/alerts/alert-actions';
import { acknowledgeBodySchema, alertIdParamsSchema } from '@/lib/alerts/api-schemas';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';


export const POST = withAuth(async ({ params, principal, request }) => {
  const { alert_id: alertId } = alertIdParamsSchema.parse(params);
  // The body is optional (`{}`); when one is sent it goes through the size-limited reader.
  if (request.body !== null && request.headers.get('content-length') !== '0') await readJsonBody(request, acknowledgeBodySchema);
  return acknowledgeAlert(await getDb(), alertId, await visibleTeamScope(principal), principal.username, Date.now());
}, { resource: 'list', role: 'operator' });
