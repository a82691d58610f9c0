import type { DatabaseClient } from '@/lib/db/create-client';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import type { TeamScope } from '@/lib/teams/team-scope';
import { toAlertDetailJson } from './alert-json';
import { isAlertVisible } from './alert-visibility';
import { maxSilenceMinutes } from './api-schemas';

/** One alert with its events, or 404 when it does not exist or belongs to a resource the principal cannot see. */
export async function getAlert(db: DatabaseClient, alertId: string, scope: TeamScope) {
  const alert = await db.alert.findUnique({ where: { id: alertId }, include: { events: { orderBy: { id: 'asc' } } } });
  if (!alert || !isAlertVisible(scope, alert)) throw notFound(`No alert "${alertId}"`);
  return toAlertDetailJson(alert);
}

async function openAlertOrThrow(db: DatabaseClient, alertId: string, scope: TeamScope) {
  const alert = await db.alert.findUnique({ where: { id: alertId } });
  if (!alert || !isAlertVisible(scope, alert)) throw notFound(`No alert "${alertId}"`);
  if (alert.state === 'resolved') throw new ApiError(409, 'conflict', 'The alert is resolved: there is nothing to acknowledge or silence');
  return alert;
}

/**
 * Records who acknowledged an open alert, with an `acknowledged` event in the same transaction.
 * Acknowledging twice keeps the first acknowledgement (and writes no second event).
 */
export async function acknowledgeAlert(db: DatabaseClient, alertId: string, scope: TeamScope, actor: string, nowMs: number) {
  await openAlertOrThrow(db, alertId, scope);
  const now = new Date(nowMs);
  await db.$transaction(async (transaction) => {
    const updated = await transaction.alert.updateMany({
      where: { id: alertId, state: { in: ['pending', 'firing'] }, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedBy: actor },
    });
    if (updated.count > 0) await transaction.alertEvent.create({ data: { alertId, kind: 'acknowledged', at: now, actor } });
  });
  return getAlert(db, alertId, scope);
}

export type SilenceRequest = { until: string } | { duration_minutes: number };

/** Silences an open alert until a time in the future (at most 30 days): notifications skip it meanwhile. */
export async function silenceAlert(db: DatabaseClient, alertId: string, scope: TeamScope, actor: string, request: SilenceRequest, nowMs: number) {
  const untilMs = 'until' in request ? Date.parse(request.until) : nowMs + request.duration_minutes * 60_000;
  if (untilMs <= nowMs) throw badRequest('until: must be in the future');
  if (untilMs > nowMs + maxSilenceMinutes * 60_000) throw badRequest('until: must be at most 30 days ahead');
  await openAlertOrThrow(db, alertId, scope);
  const now = new Date(nowMs);
  const until = new Date(untilMs);
  await db.$transaction(async (transaction) => {
    const updated = await transaction.alert.updateMany({
      where: { id: alertId, state: { in: ['pending', 'firing'] } },
      data: { silencedUntil: until, silencedBy: actor },
    });
    if (updated.count === 0) throw new ApiError(409, 'conflict', 'The alert was resolved meanwhile');
    await transaction.alertEvent.create({ data: { alertId, kind: 'silenced', at: now, actor } });
  });
  return getAlert(db, alertId, scope);
}
