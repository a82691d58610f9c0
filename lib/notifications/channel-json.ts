import type { AlertChannel, AlertDelivery } from '@/lib/generated/prisma/client';
import { alertChannelJsonSchema, alertDeliveryJsonSchema, deliveryAttemptJsonSchema, type AlertChannelJson, type AlertDeliveryJson } from './api-schemas';
import { maskSecret, maskUrl } from './mask';

/** The public view of a channel: URL and secret masked; parsed so no other field slips out. */
export function toAlertChannelJson(channel: AlertChannel & { team?: { name: string } | null }): AlertChannelJson {
  return alertChannelJsonSchema.parse({
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    url_masked: maskUrl(channel.url),
    secret_set: Boolean(channel.secret),
    secret_masked: maskSecret(channel.secret),
    team_id: channel.teamId,
    team_name: channel.team?.name ?? null,
    receives: channel.teamId ? 'team' : 'all',
    min_severity: channel.minSeverity,
    rule_ids: channel.ruleIds,
    repeat_interval_seconds: channel.repeatIntervalSeconds,
    enabled: channel.enabled,
    created_at: channel.createdAt.toISOString(),
    updated_at: channel.updatedAt.toISOString(),
  });
}

export function toAlertDeliveryJson(delivery: AlertDelivery): AlertDeliveryJson {
  const attempts = deliveryAttemptJsonSchema.array().safeParse(delivery.attempts);
  const finished = delivery.status === 'delivered' || delivery.status === 'failed';
  return alertDeliveryJsonSchema.parse({
    id: delivery.id,
    channel_id: delivery.channelId,
    kind: delivery.kind,
    delivery_id: delivery.claimKey,
    event_id: delivery.eventId,
    alert_id: delivery.alertId,
    status: delivery.status,
    attempt: delivery.attempt,
    last_status_code: delivery.lastStatusCode,
    last_error_kind: delivery.lastErrorKind,
    attempts: attempts.success ? attempts.data : [],
    created_at: delivery.createdAt.toISOString(),
    next_attempt_at: finished ? null : delivery.nextAttemptAt.toISOString(),
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
  });
}
