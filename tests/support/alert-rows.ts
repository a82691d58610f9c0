import type { DatabaseClient } from '@/lib/db/create-client';
import type { AlertSeverity } from '@/lib/generated/prisma/client';
import { uniqueName } from './test-env';

/**
 * Alert and AlertEvent rows written the way lib/alerts writes them: the alert's change and its
 * event in one transaction. The notification tests drive the outbox through these tables.
 */
export interface FiringAlertInput {
  atMs: number;
  ruleId?: string;
  severity?: AlertSeverity;
  teamIds?: string[];
  clusterId?: string | null;
  groupId?: string | null;
  stream?: string | null;
  value?: number;
  threshold?: number;
  silencedUntil?: Date | null;
}

export async function openFiringAlert(prisma: DatabaseClient, input: FiringAlertInput) {
  const at = new Date(input.atMs);
  const groupId = input.groupId === undefined ? uniqueName('orders') : input.groupId;
  const clusterId = input.clusterId === undefined ? 'local' : input.clusterId;
  const ruleId = input.ruleId ?? 'kafka.slo_violation';
  const value = input.value ?? 62;
  return prisma.$transaction(async (transaction) => {
    const alert = await transaction.alert.create({
      data: {
        key: `${ruleId}|kafka:${clusterId}|group:${groupId}|${uniqueName('k')}`,
        ruleId,
        severity: input.severity ?? 'warning',
        state: 'firing',
        source: `kafka:${clusterId}`,
        clusterId,
        groupId,
        stream: input.stream ?? null,
        teamIds: input.teamIds ?? [],
        summary: `SLO compliance ${value} % (minimum 95 %)`,
        value,
        threshold: input.threshold ?? 95,
        peakValue: value,
        unit: 'percent',
        pendingSince: new Date(input.atMs - 60_000),
        firingSince: at,
        lastEvaluatedAt: at,
        silencedUntil: input.silencedUntil ?? null,
      },
    });
    const event = await transaction.alertEvent.create({ data: { alertId: alert.id, kind: 'firing', at, value } });
    return { alert, event };
  });
}

export async function resolveAlert(prisma: DatabaseClient, alertId: string, atMs: number, value = 97) {
  const at = new Date(atMs);
  return prisma.$transaction(async (transaction) => {
    const alert = await transaction.alert.update({ where: { id: alertId }, data: { state: 'resolved', resolvedAt: at, value, lastEvaluatedAt: at } });
    const event = await transaction.alertEvent.create({ data: { alertId, kind: 'resolved', at, value } });
    return { alert, event };
  });
}

export async function acknowledgeAlert(prisma: DatabaseClient, alertId: string, atMs: number) {
  const at = new Date(atMs);
  await prisma.$transaction([
    prisma.alert.update({ where: { id: alertId }, data: { acknowledgedAt: at, acknowledgedBy: 'admin' } }),
    prisma.alertEvent.create({ data: { alertId, kind: 'acknowledged', at, actor: 'admin' } }),
  ]);
}

export async function silenceAlert(prisma: DatabaseClient, alertId: string, atMs: number, untilMs: number) {
  const at = new Date(atMs);
  await prisma.$transaction([
    prisma.alert.update({ where: { id: alertId }, data: { silencedUntil: new Date(untilMs), silencedBy: 'admin' } }),
    prisma.alertEvent.create({ data: { alertId, kind: 'silenced', at, actor: 'admin' } }),
  ]);
}
