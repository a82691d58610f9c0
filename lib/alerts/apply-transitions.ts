import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DatabaseClient } from '@/lib/db/create-client';
import type { SqlClient } from '@/lib/history/sql-client';
import type { SourceEvaluation } from './evaluate-rules';
import { planTransitions, type OpenAlert } from './transitions';
import type { AlertCondition } from './types';

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

type Transaction = Prisma.TransactionClient;

/**
 * Inserts a new incident unless its key is already open (the partial unique index): when two
 * evaluators race, the second insert waits for the first to commit and then does nothing.
 */
async function insertAlert(transaction: Transaction, condition: AlertCondition, state: 'pending' | 'firing', nowMs: number): Promise<string | null> {
  const rows = await transaction.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "Alert" ("id", "key", "ruleId", "severity", "state", "source", "clusterId", "groupId", "topic", "stream", "teamIds",
       "summary", "value", "threshold", "peakValue", "unit", "pendingSince", "firingSince", "lastEvaluatedAt")
     VALUES ($1, $2, $3, $4::"AlertSeverity", $5::"AlertState", $6, $7, $8, $9, $10, ARRAY(SELECT json_array_elements_text($11::json)),
       $12, $13, $14, $13, $15, to_timestamp($16::float8 / 1000), CASE WHEN $5 = 'firing' THEN to_timestamp($16::float8 / 1000) END,
       to_timestamp($16::float8 / 1000))
     ON CONFLICT ("key") WHERE "state" IN ('pending', 'firing') DO NOTHING
     RETURNING "id"`,
    randomUUID(), condition.key, condition.ruleId, condition.severity, state, condition.source, condition.clusterId, condition.groupId,
    condition.topic, condition.stream, JSON.stringify(condition.teamIds), condition.summary, condition.value, condition.threshold,
    condition.unit, nowMs,
  );
  return rows[0]?.id ?? null;
}

/**
 * New figures of every incident that stays open, in one statement: a cluster with thousands of
 * open incidents would otherwise cost one round trip each per snapshot.
 */
async function updateFigures(
  transaction: Transaction,
  rows: ReadonlyArray<{ id: string; summary: string; value: number; threshold: number; severity: string; peakValue: number }>,
  nowMs: number,
): Promise<void> {
  if (rows.length === 0) return;
  await transaction.$executeRawUnsafe(
    `UPDATE "Alert" AS a SET "summary" = v.summary, "value" = v.value, "threshold" = v.threshold,
       "severity" = v.severity::"AlertSeverity", "peakValue" = v."peakValue", "lastEvaluatedAt" = to_timestamp($2::float8 / 1000)
     FROM json_to_recordset($1::json) AS v(id text, summary text, value float8, threshold float8, severity text, "peakValue" float8)
     WHERE a.id = v.id AND a.state IN ('pending', 'firing')`,
    JSON.stringify(rows),
    nowMs,
  );
}

/**
 * Applies one source's evaluation in one transaction: incidents opened, updated, fired, resolved
 * or discarded, and their `firing` / `resolved` events (the notification outbox) with them. Each
 * state change is conditional on the state read (`WHERE state = …`), so an evaluator that lost a
 * race changes nothing and writes no event: one firing event per incident, whatever the number
 * of evaluators.
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
    const now = new Date(nowMs);
    const events: Prisma.AlertEventCreateManyInput[] = [];
    const result: AppliedTransitions = { opened: 0, fired: 0, resolved: 0, discarded: 0 };

    for (const { condition, state } of plan.open) {
      const id = await insertAlert(transaction, condition, state, nowMs);
      if (id === null) continue;
      result.opened += 1;
      if (state === 'firing') {
        result.fired += 1;
        events.push({ alertId: id, kind: 'firing', at: now, value: condition.value });
      }
    }
    const stillOpen: Array<{ id: string; summary: string; value: number; threshold: number; severity: string; peakValue: number }> = [];
    for (const { id, condition, peakValue, fire } of plan.update) {
      if (!fire) {
        stillOpen.push({ id, summary: condition.summary, value: condition.value, threshold: condition.threshold, severity: condition.severity, peakValue });
        continue;
      }
      const fired = await transaction.alert.updateMany({
        where: { id, state: 'pending' },
        data: { summary: condition.summary, value: condition.value, threshold: condition.threshold, severity: condition.severity, peakValue, lastEvaluatedAt: now, state: 'firing', firingSince: now },
      });
      if (fired.count > 0) {
        result.fired += 1;
        events.push({ alertId: id, kind: 'firing', at: now, value: condition.value });
      }
    }
    await updateFigures(transaction, stillOpen, nowMs);
    for (const { id, value } of plan.resolve) {
      const resolved = await transaction.alert.updateMany({
        where: { id, state: 'firing' },
        data: { state: 'resolved', resolvedAt: now, lastEvaluatedAt: now, ...(value === null ? {} : { value }) },
      });
      if (resolved.count > 0) {
        result.resolved += 1;
        events.push({ alertId: id, kind: 'resolved', at: now, value });
      }
    }
    if (plan.discard.length > 0) {
      const discarded = await transaction.alert.deleteMany({ where: { id: { in: plan.discard }, state: 'pending' } });
      result.discarded = discarded.count;
    }
    if (events.length > 0) await transaction.alertEvent.createMany({ data: events });
    return result;
  }, { timeout: 60_000, maxWait: 10_000 });
}
