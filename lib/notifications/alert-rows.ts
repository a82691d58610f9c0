import type { Alert } from '@/lib/generated/prisma/client';
import type { AlertFacts } from './alert-facts';

/** The plain facts of an Alert row (the evaluator in lib/alerts writes them). */
export function alertFactsFrom(alert: Alert): AlertFacts {
  return {
    id: alert.id,
    key: alert.key,
    ruleId: alert.ruleId,
    severity: alert.severity,
    state: alert.state,
    source: alert.source,
    clusterId: alert.clusterId,
    groupId: alert.groupId,
    topic: alert.topic,
    stream: alert.stream,
    teamIds: alert.teamIds,
    summary: alert.summary,
    value: alert.value,
    threshold: alert.threshold,
    peakValue: alert.peakValue,
    unit: alert.unit,
    firingSince: alert.firingSince,
    resolvedAt: alert.resolvedAt,
    acknowledgedAt: alert.acknowledgedAt,
    silencedUntil: alert.silencedUntil,
  };
}
