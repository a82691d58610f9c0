import { errorResponseSchema } from '@/lib/api/api-schemas';
import {
  acknowledgeBodySchema, alertDetailResponseSchema, alertIdParamsSchema, alertListQuerySchema, alertListResponseSchema, alertRuleJsonSchema,
  alertRuleListResponseSchema, ruleIdParamsSchema, ruleOverrideDeleteResponseSchema, ruleOverrideParamsSchema, ruleSettingsBodySchema, silenceBodySchema,
} from '@/lib/alerts/api-schemas';
import type { ApiArea } from '../types';

const alertExample = {
  id: 'c2f1a7d0e4b94f1f', rule_id: 'kafka.slo_violation', rule_title: 'SLO violation', severity: 'warning', state: 'firing',
  group_id: 'fraud-scoring-slow', cluster_id: 'local', value: 1840, threshold: 1000, unit: 'messages', firing_since: '2026-12-04T18:02:00Z',
};

const resolved = { description: 'The alert is resolved: nothing to acknowledge or silence', schema: errorResponseSchema };

export const alertsArea: ApiArea = {
  name: 'Alerts',
  description: 'Alerts raised by the built-in rules on every led pass, and the rules with their defaults and per-team, per-topic and per-stream overrides. Alerts of another team’s resources are left out (404 for one).',
  operations: [
    {
      method: 'get', path: '/api/v1/alerts', summary: 'Alerts the caller may see, newest first', query: alertListQuerySchema,
      description: '`state` is `open` (pending and firing) unless given; filter by severity, team, cluster, rule, group or stream.',
      responses: { 200: { description: 'Alerts with pending and firing counts', schema: alertListResponseSchema, example: { alerts: [alertExample], alert_count: 1, counts: { pending: 0, firing: 1 } } } },
    },
    {
      method: 'get', path: '/api/v1/alerts/{alert_id}', summary: 'One alert with its events (firing, resolved, acknowledged, silenced)', pathParameters: alertIdParamsSchema,
      responses: { 200: { description: 'The alert', schema: alertDetailResponseSchema } },
    },
    {
      method: 'post', path: '/api/v1/alerts/{alert_id}/acknowledge', role: 'operator', summary: 'Acknowledge an open alert',
      description: 'The body may be left out. Acknowledging twice keeps the first acknowledgement; a resolved alert answers 409.',
      pathParameters: alertIdParamsSchema, body: acknowledgeBodySchema, bodyExample: {},
      responses: { 200: { description: 'The alert with its acknowledged event', schema: alertDetailResponseSchema }, 409: resolved },
    },
    {
      method: 'post', path: '/api/v1/alerts/{alert_id}/silence', role: 'operator', summary: 'Silence an open alert (at most 30 days)',
      description: 'Notifications skip a silenced alert until the time given; a resolved alert answers 409.',
      pathParameters: alertIdParamsSchema, body: silenceBodySchema, bodyExample: { duration_minutes: 60 },
      responses: { 200: { description: 'The alert with its silenced event', schema: alertDetailResponseSchema }, 409: resolved },
    },
    {
      method: 'get', path: '/api/v1/alert-rules', summary: 'Every rule: built-in settings, the defaults in effect and the overrides',
      responses: { 200: { description: 'Rules', schema: alertRuleListResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/alert-rules/{rule_id}', summary: 'One rule', pathParameters: ruleIdParamsSchema,
      responses: { 200: { description: 'The rule', schema: alertRuleJsonSchema } },
    },
    {
      method: 'put', path: '/api/v1/alert-rules/{rule_id}', role: 'admin', summary: "Change a rule's defaults for every resource",
      description: 'A field left out or null inherits the built-in setting.',
      pathParameters: ruleIdParamsSchema, body: ruleSettingsBodySchema, bodyExample: { threshold: 2000, for_seconds: 300 },
      responses: { 200: { description: 'The rule', schema: alertRuleJsonSchema } },
    },
    {
      method: 'put', path: '/api/v1/alert-rules/{rule_id}/overrides/{scope}/{target}', role: 'admin', summary: 'Set a team, topic or stream override of a rule',
      description: '`target` is a team id, a topic name or a stream name (URL-encoded). A field left out or null inherits.',
      pathParameters: ruleOverrideParamsSchema, body: ruleSettingsBodySchema, bodyExample: { severity: 'critical', threshold: 500 },
      responses: { 200: { description: 'The rule with its overrides', schema: alertRuleJsonSchema } },
    },
    {
      method: 'delete', path: '/api/v1/alert-rules/{rule_id}/overrides/{scope}/{target}', role: 'admin', summary: 'Remove an override of a rule',
      pathParameters: ruleOverrideParamsSchema,
      responses: { 200: { description: 'Removed', schema: ruleOverrideDeleteResponseSchema, example: { deleted: true } } },
    },
  ],
};
