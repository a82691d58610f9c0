import { z } from 'zod';
import { alertRuleIds } from './rule-catalog';
import { alertSeverities, alertStates } from './types';

/**
 * Every request and response schema of the alerts API (`/api/v1/alerts`, `/api/v1/alert-rules`),
 * exported so the OpenAPI description can register them. Responses are parsed on the way out,
 * so nothing internal leaks.
 */

const severity = z.enum(alertSeverities);
const ruleId = z.enum(alertRuleIds as [string, ...string[]]);

// ---- Requests -------------------------------------------------------------------------------

export const alertIdParamsSchema = z.object({ alert_id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not an alert id') });

export const alertListQuerySchema = z.object({
  /** `open` (pending and firing, the default), one state, or `all`. */
  state: z.enum([...alertStates, 'open', 'all']).default('open'),
  severity: severity.optional(),
  /** A team id: alerts owned by that team. */
  team: z.string().min(1).max(64).optional(),
  cluster_id: z.string().min(1).max(256).optional(),
  rule: ruleId.optional(),
  /** A consumer group id (with cluster_id) or a Redis stream group name. */
  group: z.string().min(1).max(32_767).optional(),
  stream: z.string().min(1).max(32_767).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const maxSilenceMinutes = 30 * 24 * 60;

export const silenceBodySchema = z.union([
  z.object({ until: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-12-04T18:00:00Z' }) }).strict(),
  z.object({ duration_minutes: z.number().int().min(1).max(maxSilenceMinutes) }).strict(),
], { message: 'send {"until": ISO time} or {"duration_minutes": 1..43200}' });

export const acknowledgeBodySchema = z.object({}).strict();

export const ruleIdParamsSchema = z.object({ rule_id: ruleId });

export const overrideScopeSchema = z.enum(['team', 'topic', 'stream']);

export const ruleOverrideParamsSchema = z.object({
  rule_id: ruleId,
  scope: overrideScopeSchema,
  target: z.string().min(1).max(512),
});

/** One rule's settings: a field left out or null inherits (see the precedence in the docs). */
export const ruleSettingsBodySchema = z.object({
  enabled: z.boolean().nullable().optional(),
  severity: severity.nullable().optional(),
  threshold: z.number().finite().nullable().optional(),
  for_seconds: z.number().int().min(0).max(86_400).nullable().optional(),
}).strict();

// ---- Responses ------------------------------------------------------------------------------

export const alertJsonSchema = z.object({
  id: z.string(),
  key: z.string(),
  rule_id: z.string(),
  rule_title: z.string(),
  severity,
  state: z.enum(alertStates),
  source: z.string(),
  cluster_id: z.string().nullable(),
  group_id: z.string().nullable(),
  topic: z.string().nullable(),
  stream: z.string().nullable(),
  team_ids: z.array(z.string()),
  summary: z.string(),
  value: z.number(),
  threshold: z.number(),
  peak_value: z.number(),
  unit: z.string(),
  pending_since: z.string(),
  firing_since: z.string().nullable(),
  resolved_at: z.string().nullable(),
  last_evaluated_at: z.string(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
  silenced_until: z.string().nullable(),
  silenced_by: z.string().nullable(),
  /** The dashboard page of the group or stream; null for a whole source. */
  link: z.string().nullable(),
});

export const alertEventJsonSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['firing', 'resolved', 'acknowledged', 'silenced']),
  at: z.string(),
  value: z.number().nullable(),
  actor: z.string().nullable(),
});

export const alertListResponseSchema = z.object({
  alerts: z.array(alertJsonSchema),
  alert_count: z.number().int(),
  counts: z.object({ pending: z.number().int(), firing: z.number().int() }),
});

export const alertDetailResponseSchema = alertJsonSchema.extend({ events: z.array(alertEventJsonSchema) });

const ruleSettingsJsonSchema = z.object({
  enabled: z.boolean(),
  severity,
  threshold: z.number(),
  for_seconds: z.number().int(),
});

const partialSettingsJsonSchema = z.object({
  enabled: z.boolean().nullable(),
  severity: severity.nullable(),
  threshold: z.number().nullable(),
  for_seconds: z.number().int().nullable(),
});

export const ruleOverrideJsonSchema = partialSettingsJsonSchema.extend({
  scope: overrideScopeSchema,
  target: z.string(),
});

export const alertRuleJsonSchema = z.object({
  rule_id: z.string(),
  title: z.string(),
  condition: z.string(),
  source_kind: z.enum(['kafka', 'redis']),
  unit: z.string(),
  comparison: z.enum(['above', 'below']),
  threshold_minimum: z.number(),
  threshold_maximum: z.number(),
  /** From the configuration, before any edit. */
  built_in: ruleSettingsJsonSchema,
  /** The rule's defaults in effect: built in, with the admins' edits. */
  default: ruleSettingsJsonSchema,
  overrides: z.array(ruleOverrideJsonSchema),
});

export const alertRuleListResponseSchema = z.object({
  rules: z.array(alertRuleJsonSchema),
  /** ALERT_FOR_SECONDS_MAX; null when not set. */
  for_seconds_max: z.number().int().nullable(),
});

export const ruleOverrideDeleteResponseSchema = z.object({ deleted: z.boolean() });

export type AlertJson = z.infer<typeof alertJsonSchema>;
export type AlertEventJson = z.infer<typeof alertEventJsonSchema>;
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;
export type AlertRuleJson = z.infer<typeof alertRuleJsonSchema>;
export type RuleSettingsBody = z.infer<typeof ruleSettingsBodySchema>;
