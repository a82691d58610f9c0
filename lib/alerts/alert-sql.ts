import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AlertCondition } from './types';

/**
 * The evaluator's writes, one statement per kind of change whatever the number of incidents
 * (a cluster coming back can open or resolve thousands at once). Rows travel as one JSON
 * parameter. Every change is conditional on the state it expects and returns the rows it really
 * changed, so an evaluator that lost a race writes no event for them.
 */

type Transaction = Prisma.TransactionClient;
const now = 'to_timestamp($2::float8 / 1000)';

/** New incidents, unless their key is already open (the partial unique index); returns key → id of those inserted. */
export async function insertAlerts(transaction: Transaction, rows: ReadonlyArray<{ condition: AlertCondition; state: 'pending' | 'firing' }>, nowMs: number): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const records = rows.map(({ condition, state }) => ({
    id: randomUUID(), key: condition.key, ruleId: condition.ruleId, severity: condition.severity, state, source: condition.source,
    clusterId: condition.clusterId, groupId: condition.groupId, topic: condition.topic, stream: condition.stream, teamIds: condition.teamIds,
    summary: condition.summary, value: condition.value, threshold: condition.threshold, unit: condition.unit,
  }));
  const inserted = await transaction.$queryRawUnsafe<{ id: string; key: string }[]>(
    `INSERT INTO "Alert" ("id", "key", "ruleId", "severity", "state", "source", "clusterId", "groupId", "topic", "stream", "teamIds",
       "summary", "value", "threshold", "peakValue", "unit", "pendingSince", "firingSince", "lastEvaluatedAt")
     SELECT v.id, v.key, v."ruleId", v.severity::"AlertSeverity", v.state::"AlertState", v.source, v."clusterId", v."groupId", v.topic, v.stream,
       ARRAY(SELECT json_array_elements_text(v."teamIds")), v.summary, v.value, v.threshold, v.value, v.unit,
       ${now}, CASE WHEN v.state = 'firing' THEN ${now} END, ${now}
     FROM json_to_recordset($1::json) AS v(id text, key text, "ruleId" text, severity text, state text, source text, "clusterId" text,
       "groupId" text, topic text, stream text, "teamIds" json, summary text, value float8, threshold float8, unit text)
     ON CONFLICT ("key") WHERE "state" IN ('pending', 'firing') DO NOTHING
     RETURNING "id", "key"`,
    JSON.stringify(records),
    nowMs,
  );
  return new Map(inserted.map((row) => [row.key, row.id]));
}

export interface FigureRow {
  id: string;
  summary: string;
  value: number;
  threshold: number;
  severity: string;
  peakValue: number;
}

/** New figures of open incidents; with `fire`, also pending → firing. Returns the ids changed. */
export async function updateFigures(transaction: Transaction, rows: readonly FigureRow[], nowMs: number, fire: boolean): Promise<string[]> {
  if (rows.length === 0) return [];
  const changed = await transaction.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Alert" AS a SET "summary" = v.summary, "value" = v.value, "threshold" = v.threshold,
       "severity" = v.severity::"AlertSeverity", "peakValue" = v."peakValue", "lastEvaluatedAt" = ${now}
       ${fire ? `, "state" = 'firing', "firingSince" = ${now}` : ''}
     FROM json_to_recordset($1::json) AS v(id text, summary text, value float8, threshold float8, severity text, "peakValue" float8)
     WHERE a.id = v.id AND ${fire ? `a.state = 'pending'` : `a.state IN ('pending', 'firing')`}
     RETURNING a.id`,
    JSON.stringify(rows),
    nowMs,
  );
  return changed.map((row) => row.id);
}

/** firing → resolved, keeping the last figure when none is known (the resource disappeared). Returns the ids resolved. */
export async function resolveAlerts(transaction: Transaction, rows: ReadonlyArray<{ id: string; value: number | null }>, nowMs: number): Promise<string[]> {
  if (rows.length === 0) return [];
  const resolved = await transaction.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Alert" AS a SET "state" = 'resolved', "resolvedAt" = ${now}, "lastEvaluatedAt" = ${now}, "value" = COALESCE(v.value, a."value")
     FROM json_to_recordset($1::json) AS v(id text, value float8)
     WHERE a.id = v.id AND a.state = 'firing'
     RETURNING a.id`,
    JSON.stringify(rows),
    nowMs,
  );
  return resolved.map((row) => row.id);
}
