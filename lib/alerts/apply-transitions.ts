import type { Prisma } from '@/lib/generated/prisma/client';
import type { DatabaseClient } from '@/lib/db/create-client';
import type { SqlClient } from '@/lib/history/sql-client';
import { insertAlerts, resolveAlerts, updateFigures, type FigureRow } from './alert-sql';
import type { SourceEvaluation } from './evaluate-rules';
import { planTransitions, type OpenAlert } from './transitions';

export interface AppliedTransitions {
  opened: number;
  fired: number;
  resolved: number;
  discarded: number;
}

export interface ApplyOptions {
  /** Runs first in the transaction and throws when this instance no longer leads the source. */
  fence?: (sql: SqlClient) => Promise<void>;
}

/**
 * Applies one source's evaluation in one transaction: incidents opened, updated, fired, resolved
 * or discarded, and their `firing` / `resolved` events (the notification outbox) with them. Each
 * state change is conditional on the state read, so an evaluator that lost a race changes nothing
 * and writes no event: one firing event per incident, whatever the number of evaluators.
 */
export async function applyTransitions(prisma: DatabaseClient, evaluation: SourceEvaluation, nowMs: number, options: ApplyOptions = {}): Promise<AppliedTransitions> {
  return prisma.$transaction(async (transaction) => {
    await options.fence?.(transaction);
    const rows = await transaction.alert.findMany({
      where: { source: evaluation.source, state: { in: ['pending', 'firing'] } },
      select: { id: true, key: true, ruleId: true, state: true, pendingSince: true, peakValue: true, unit: true },
    });
    const open: OpenAlert[] = rows.map((row) => ({
      id: row.id, key: row.key, ruleId: row.ruleId, state: row.state as OpenAlert['state'],
      pendingSinceMs: row.pendingSince.getTime(), peakValue: row.peakValue, unit: row.unit,
    }));
    const plan = planTransitions(open, evaluation.conditions, evaluation.judgedRuleIds, nowMs, evaluation.figures);
    const at = new Date(nowMs);
    const events: Prisma.AlertEventCreateManyInput[] = [];

    const inserted = await insertAlerts(transaction, plan.open, nowMs);
    for (const { condition, state } of plan.open) {
      const id = inserted.get(condition.key);
      if (id !== undefined && state === 'firing') events.push({ alertId: id, kind: 'firing', at, value: condition.value });
    }

    const figureRow = ({ id, condition, peakValue }: (typeof plan.update)[number]): FigureRow => ({
      id, summary: condition.summary, value: condition.value, threshold: condition.threshold, severity: condition.severity, peakValue,
    });
    const firing = plan.update.filter((update) => update.fire);
    const firedIds = new Set(await updateFigures(transaction, firing.map(figureRow), nowMs, true));
    for (const update of firing) {
      if (firedIds.has(update.id)) events.push({ alertId: update.id, kind: 'firing', at, value: update.condition.value });
    }
    await updateFigures(transaction, plan.update.filter((update) => !update.fire).map(figureRow), nowMs, false);

    const resolvedIds = new Set(await resolveAlerts(transaction, plan.resolve, nowMs));
    for (const { id, value } of plan.resolve) {
      if (resolvedIds.has(id)) events.push({ alertId: id, kind: 'resolved', at, value });
    }

    const discarded = plan.discard.length === 0 ? { count: 0 } : await transaction.alert.deleteMany({ where: { id: { in: plan.discard }, state: 'pending' } });
    if (events.length > 0) await transaction.alertEvent.createMany({ data: events });
    return {
      opened: inserted.size,
      fired: events.filter((event) => event.kind === 'firing').length,
      resolved: resolvedIds.size,
      discarded: discarded.count,
    };
  }, { timeout: 60_000, maxWait: 10_000 });
}
