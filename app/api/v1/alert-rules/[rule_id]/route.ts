import { badRequest } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAlertRule, updateRuleSettings } from '@/lib/alerts/alert-rules-view';
import { ruleIdParamsSchema, ruleSettingsBodySchema } from '@/lib/alerts/api-schemas';

export const dynamic = 'force-dynamic';

type Params = { rule_id: string };

export const GET = withAuth<Params>(async ({ params }) => {
  const { rule_id: ruleId } = ruleIdParamsSchema.parse(params);
  return getAlertRule(await getDb(), ruleId, getConfig());
});

/** The rule's defaults for every resource (scope `default`). */
export const PUT = withAuth<Params>(async ({ params, request, principal }) => {
  const { rule_id: ruleId } = ruleIdParamsSchema.parse(params);
  const body = ruleSettingsBodySchema.parse(await request.json().catch(() => {
    throw badRequest('The body must be JSON: {"enabled", "severity", "threshold", "for_seconds"}');
  }));
  return updateRuleSettings(await getDb(), ruleId, 'default', '', body, principal.username, getConfig());
}, { role: 'admin' });
