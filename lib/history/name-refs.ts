import { numberArrayLiteral, textArrayLiteral } from './array-literals';
import type { SqlClient } from './sql-client';

/**
 * Names (cluster + group, cluster + topic, stream + group) are stored once and referred to by
 * integer ids from the point rows. Only missing names are inserted: `INSERT … ON CONFLICT DO
 * NOTHING` alone would draw a sequence value for every existing name on every snapshot.
 */

const nameTables = {
  kafkaGroup: { table: '"HistoryKafkaGroup"', first: '"clusterId"', second: '"groupId"' },
  kafkaTopic: { table: '"HistoryKafkaTopic"', first: '"clusterId"', second: 'topic' },
  streamGroup: { table: '"HistoryStreamGroup"', first: 'stream', second: '"groupName"' },
} as const;

export type NameKind = keyof typeof nameTables;

export const nameKey = (first: string, second: string) => `${first}\u0000${second}`;

function resolveSql(kind: NameKind): string {
  const { table, first, second } = nameTables[kind];
  return `WITH wanted AS (SELECT DISTINCT first_name, second_name FROM unnest($1::text[], $2::text[]) AS w(first_name, second_name)),
added AS (
  INSERT INTO ${table} (${first}, ${second})
  SELECT first_name, second_name FROM wanted w
  WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${first} = w.first_name AND t.${second} = w.second_name)
  ON CONFLICT DO NOTHING
  RETURNING id, ${first} AS first_name, ${second} AS second_name)
SELECT id, first_name, second_name FROM added
UNION ALL
SELECT t.id, t.${first}, t.${second} FROM ${table} t JOIN wanted w ON t.${first} = w.first_name AND t.${second} = w.second_name`;
}

/** Ids for the given name pairs, creating the missing ones; keyed by nameKey(first, second). */
export async function resolveNameRefs(sql: SqlClient, kind: NameKind, pairs: readonly (readonly [string, string])[]): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const rows = await sql.$queryRawUnsafe<{ id: number; first_name: string; second_name: string }[]>(
    resolveSql(kind),
    textArrayLiteral(pairs.map(([first]) => first)),
    textArrayLiteral(pairs.map(([, second]) => second)),
  );
  return new Map(rows.map((row) => [nameKey(row.first_name, row.second_name), row.id]));
}

/** The id of an existing name, or null; never creates one (readers must not write). */
export async function findNameRef(sql: SqlClient, kind: NameKind, first: string, second: string): Promise<number | null> {
  const { table, first: firstColumn, second: secondColumn } = nameTables[kind];
  const rows = await sql.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM ${table} WHERE ${firstColumn} = $1 AND ${secondColumn} = $2`,
    first,
    second,
  );
  return rows[0]?.id ?? null;
}

/** Remembers which groups read which topics (for a topic's series); existing pairs are skipped. */
export async function recordGroupTopics(sql: SqlClient, pairs: readonly { topicRef: number; groupRef: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryGroupTopic" ("topicRef", "groupRef")
     SELECT DISTINCT topic_ref, group_ref FROM unnest($1::int4[], $2::int4[]) AS p(topic_ref, group_ref)
     ON CONFLICT DO NOTHING`,
    numberArrayLiteral(pairs.map((pair) => pair.topicRef)),
    numberArrayLiteral(pairs.map((pair) => pair.groupRef)),
  );
}
