import type { Alert, AlertEvent } from '@/lib/generated/prisma/client';
import { alertDetailResponseSchema, alertJsonSchema, type AlertEventJson, type AlertJson } from './api-schemas';
import { findAlertRule } from './rule-catalog';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The page an alert is about: its group or stream; null for a whole source. */
export function alertLink(alert: Pick<Alert, 'clusterId' | 'groupId' | 'stream'>): string | null {
  if (alert.stream !== null) return `/streams/${encodeURIComponent(alert.stream)}`;
  if (alert.clusterId !== null && alert.groupId !== null) return `/clusters/${encodeURIComponent(alert.clusterId)}/groups/${encodeURIComponent(alert.groupId)}`;
  return null;
}

export function toAlertJson(alert: Alert): AlertJson {
  return alertJsonSchema.parse({
    id: alert.id,
    key: alert.key,
    rule_id: alert.ruleId,
    rule_title: findAlertRule(alert.ruleId)?.title ?? alert.ruleId,
    severity: alert.severity,
    state: alert.state,
    source: alert.source,
    cluster_id: alert.clusterId,
    group_id: alert.groupId,
    topic: alert.topic,
    stream: alert.stream,
    team_ids: alert.teamIds,
    summary: alert.summary,
    value: alert.value,
    threshold: alert.threshold,
    peak_value: alert.peakValue,
    unit: alert.unit,
    pending_since: alert.pendingSince.toISOString(),
    firing_since: iso(alert.firingSince),
    resolved_at: iso(alert.resolvedAt),
    last_evaluated_at: alert.lastEvaluatedAt.toISOString(),
    acknowledged_at: iso(alert.acknowledgedAt),
    acknowledged_by: alert.acknowledgedBy,
    silenced_until: iso(alert.silencedUntil),
    silenced_by: alert.silencedBy,
    link: alertLink(alert),
  });
}

export function toAlertDetailJson(alert: Alert & { events: AlertEvent[] }) {
  const events: AlertEventJson[] = alert.events.map((event) => ({
    id: event.id, kind: event.kind as AlertEventJson['kind'], at: event.at.toISOString(), value: event.value, actor: event.actor,
  }));
  return alertDetailResponseSchema.parse({ ...toAlertJson(alert), events });
}
