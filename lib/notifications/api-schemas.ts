import { z } from 'zod';

/**
 * Every request and response body of the alert-channels API (`/api/v1/alert-channels`), for the
 * handlers and the OpenAPI description. Field names are snake_case like the rest of the API.
 * Responses never carry a channel's URL or secret in full: only masked forms.
 */

export const alertChannelIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a channel id');

/** The `[channel_id]` path parameter. */
export const alertChannelIdParamsSchema = z.object({ channel_id: alertChannelIdSchema });

export const alertChannelKindSchema = z.enum(['webhook', 'slack']);
export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);

const channelNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const channelUrlSchema = z.string().trim().max(2_000, 'must be at most 2000 characters').refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be an http:// or https:// URL');
const channelSecretSchema = z.string().min(16, 'must be at least 16 characters').max(256, 'must be at most 256 characters');
const ruleIdSchema = z.string().regex(/^[a-z0-9_.-]{1,100}$/, 'rule ids are lower-case letters, digits and _.- (e.g. kafka.slo_violation)');
/** Repeats more often than once a minute would be noise, less than once a week is no repeat. */
const repeatIntervalSchema = z.number().int('must be whole seconds').min(60, 'must be at least 60 seconds').max(604_800, 'must be at most 7 days');
const teamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a team id');

const channelFields = {
  name: channelNameSchema,
  kind: alertChannelKindSchema,
  url: channelUrlSchema,
  /** Webhook channels sign with it (required for them); Slack channels ignore it. */
  secret: channelSecretSchema.nullish(),
  /** Null or absent: the channel receives every alert, whatever team owns it. */
  team_id: teamIdSchema.nullish(),
  min_severity: alertSeveritySchema,
  /** Empty: every rule. */
  rule_ids: z.array(ruleIdSchema).max(100, 'at most 100 rules'),
  /** Null: no repeat while an alert stays firing. */
  repeat_interval_seconds: repeatIntervalSchema.nullable(),
  enabled: z.boolean(),
};

export const createAlertChannelBodySchema = z.strictObject({
  ...channelFields,
  min_severity: channelFields.min_severity.default('info'),
  rule_ids: channelFields.rule_ids.default([]),
  repeat_interval_seconds: channelFields.repeat_interval_seconds.default(null),
  enabled: channelFields.enabled.default(true),
}).refine((body) => body.kind !== 'webhook' || Boolean(body.secret), {
  path: ['secret'],
  message: 'a webhook channel needs a secret (at least 16 characters) to sign its requests',
});

/** Every field optional; `secret` absent keeps the stored one, `null` removes it (Slack only). */
export const updateAlertChannelBodySchema = z.strictObject(channelFields).partial();

export const alertChannelJsonSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: alertChannelKindSchema,
  /** Scheme and host, then the last 4 characters: `https://hooks.slack.com/…x9Qz`. */
  url_masked: z.string(),
  secret_set: z.boolean(),
  secret_masked: z.string().nullable(),
  team_id: z.string().nullable(),
  team_name: z.string().nullable(),
  /** `team`: only that team's alerts; `all`: every alert (no team set). */
  receives: z.enum(['team', 'all']),
  min_severity: alertSeveritySchema,
  rule_ids: z.array(z.string()),
  repeat_interval_seconds: z.number().int().nullable(),
  enabled: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const alertChannelListJsonSchema = z.object({ channels: z.array(alertChannelJsonSchema) });

export const deliveryAttemptJsonSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  status_code: z.number().int().nullable(),
  error_kind: z.string().nullable(),
  duration_ms: z.number(),
});

export const alertDeliveryJsonSchema = z.object({
  id: z.number().int(),
  channel_id: z.string(),
  /** `firing`, `resolved`, `repeat` or `test`. */
  kind: z.string(),
  /** The idempotency key the receiver saw (`event:<id>`, `repeat:<alert>:<n>`, `test:<uuid>`). */
  delivery_id: z.string(),
  event_id: z.number().int().nullable(),
  alert_id: z.string().nullable(),
  status: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempt: z.number().int(),
  last_status_code: z.number().int().nullable(),
  last_error_kind: z.string().nullable(),
  attempts: z.array(deliveryAttemptJsonSchema),
  created_at: z.string(),
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
});

export const alertDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const alertDeliveryListJsonSchema = z.object({ channel_id: z.string(), deliveries: z.array(alertDeliveryJsonSchema) });

export const alertChannelTestJsonSchema = z.object({ ok: z.boolean(), delivery: alertDeliveryJsonSchema });

export const alertChannelDeletedJsonSchema = z.object({ deleted: z.literal(true), id: z.string() });

export type CreateAlertChannelBody = z.infer<typeof createAlertChannelBodySchema>;
export type UpdateAlertChannelBody = z.infer<typeof updateAlertChannelBodySchema>;
export type AlertChannelJson = z.infer<typeof alertChannelJsonSchema>;
export type AlertDeliveryJson = z.infer<typeof alertDeliveryJsonSchema>;
