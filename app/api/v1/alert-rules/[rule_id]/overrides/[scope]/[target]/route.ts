import { notFound } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { updateRuleSettings } from '@/lib/alerts/alert-rules-view';
import { ruleOverrideDeleteResponseSchema, ruleOverrideParamsSchema, ruleSettingsBodySchema } from '@/lib/alerts/api-schemas';
import { deleteRuleSetting } from '@/lib/alerts/rule-settings-store';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';

export const dynamic = 'force-dynamic';


// The target (a topic or stream name) is read from the encoded path: Next's own decoding of `:` and `%2F` varies.
function overrideParams(request: Request) {
  const [ruleId, , scope, target] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/alert-rules/');
  return ruleOverrideParamsSchema.parse({ rule_id: ruleId, scope, target });
}

/** One override: `scope` is team (target: team id), topic or stream (target: its name, URL-encoded). */
export const PUT = withAuth(async ({ request, principal }) => {
  const { rule_id: ruleId, scope, target } = overrideParams(request);
  const body = await readJsonBody(request, ruleSettingsBodySchema);
  return updateRuleSettings(await getDb(), ruleId, scope, target, body, principal.username, getConfig());
}, { resource: 'none', role: 'admin' });

export const DELETE = withAuth(async ({ request }) => {
  const { rule_id: ruleId, scope, target } = overrideParams(request);
  if (!(await deleteRuleSetting(await getDb(), ruleId, scope, target))) throw notFound(`No ${scope} override "${target}" of ${ruleId}`);
  return ruleOverrideDeleteResponseSchema.parse({ deleted: true });
}, { resource: 'none', role: 'admin' });
