import type { NotificationFacts } from './alert-facts';
import { describeResource, resourceUrl } from './resource-link';

/** The generic webhook's JSON body (documented in README "Notifications"). Version 1. */
export function webhookPayload(facts: NotificationFacts, publicBaseUrl: string | null) {
  const { alert } = facts;
  return {
    version: 1,
    delivery_id: facts.deliveryKey,
    event_id: facts.eventId,
    kind: facts.kind,
    at: facts.at.toISOString(),
    value: facts.value,
    alert: {
      id: alert.id,
      key: alert.key,
      rule_id: alert.ruleId,
      severity: alert.severity,
      state: alert.state,
      source: alert.source,
      cluster_id: alert.clusterId,
      group_id: alert.groupId,
      topic: alert.topic,
      stream: alert.stream,
      resource: describeResource(alert),
      team_ids: alert.teamIds,
      summary: alert.summary,
      value: alert.value,
      threshold: alert.threshold,
      peak_value: alert.peakValue,
      unit: alert.unit,
      firing_since: alert.firingSince?.toISOString() ?? null,
      resolved_at: alert.resolvedAt?.toISOString() ?? null,
      acknowledged_at: alert.acknowledgedAt?.toISOString() ?? null,
      url: resourceUrl(alert, publicBaseUrl),
    },
  };
}

export type WebhookPayload = ReturnType<typeof webhookPayload>;
