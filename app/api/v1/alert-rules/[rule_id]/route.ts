import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAlertRule, updateRuleSettings } from '@/lib/alerts/alert-rules-view';
import { ruleIdParamsSchema, ruleSettingsBodySchema } from '@/lib/alerts/api-schemas';

export const dynamic = 'force-dynamic';


export const GET = withAuth(async ({ params }) => {
  const { rule_id: ruleId } = ruleIdParamsSchema.parse(params);
  return getAlertRule(await getDb(), ruleId, getConfig());
}, { resource: 'none' });

/** The rule's defaults for every resource (scope `default`). */
export const PUT = withAuth(async ({ params, request, principal }) => {
  const { rule_id: ruleId } = ruleIdParamsSchema.parse(params);
  const body = await readJsonBody(request, ruleSettingsBodySchema);
  return updateRuleSettings(await getDb(), ruleId, 'default', '', body, principal.username, getConfig());
}, { resource: 'none', role: 'admin' });
