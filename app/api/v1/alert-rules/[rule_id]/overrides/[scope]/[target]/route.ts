import { badRequest, notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { updateRuleSettings } from '@/lib/alerts/alert-rules-view';
import { ruleOverrideDeleteResponseSchema, ruleOverrideParamsSchema, ruleSettingsBodySchema } from '@/lib/alerts/api-schemas';
import { deleteRuleSetting } from '@/lib/alerts/rule-settings-store';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';

export const dynamic = 'force-dynamic';

type Params = { rule_id: string; scope: string; target: string };

// The target (a topic or stream name) is read from the encoded path: Next's own decoding of `:` and `%2F` varies.
function overrideParams(request: Request) {
  const [ruleId, , scope, target] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/alert-rules/');
  return ruleOverrideParamsSchema.parse({ rule_id: ruleId, scope, target });
}

/** One override: `scope` is team (target: team id), topic or stream (target: its name, URL-encoded). */
export const PUT = withAuth<Params>(async ({ request, principal }) => {
  const { rule_id: ruleId, scope, target } = overrideParams(request);
  const body = ruleSettingsBodySchema.parse(await request.json().catch(() => {
    throw badRequest('The body must be JSON: {"enabled", "severity", "threshold", "for_seconds"}');
  }));
  return updateRuleSettings(await getDb(), ruleId, scope, target, body, principal.username, getConfig());
}, { role: 'admin' });

export const DELETE = withAuth<Params>(async ({ request }) => {
  const { rule_id: ruleId, scope, target } = overrideParams(request);
  if (!(await deleteRuleSetting(await getDb(), ruleId, scope, target))) throw notFound(`No ${scope} override "${target}" of ${ruleId}`);
  return ruleOverrideDeleteResponseSchema.parse({ deleted: true });
}, { role: 'admin' });
