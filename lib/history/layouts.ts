import type { SqlClient } from './sql-client';

/** One partition of a layout: the position of its values in a sample's partition data. */
export interface LayoutPartition {
  topicRef: number;
  topic: string;
  partition: number;
}

interface LayoutRow {
  id: number;
  topic_refs: number[];
  partitions: number[];
  topics: (string | null)[];
}

/** The layouts with these ids, with topic names, by id (one query whatever their number). */
export async function readLayouts(sql: SqlClient, layoutRefs: Iterable<number>): Promise<Map<number, LayoutPartition[]>> {
  const ids = [...new Set(layoutRefs)];
  if (ids.length === 0) return new Map();
  const layouts = await sql.$queryRawUnsafe<LayoutRow[]>(
    `SELECT l.id, l."topicRefs" AS topic_refs, l.partitions,
       ARRAY(SELECT t.topic FROM unnest(l."topicRefs") WITH ORDINALITY AS r(ref, position)
             LEFT JOIN "HistoryKafkaTopic" t ON t.id = r.ref ORDER BY r.position) AS topics
     FROM "HistoryPartitionLayout" l WHERE l.id = ANY($1::int4[])`,
    ids,
  );
  return new Map(layouts.map((layout) => [
    layout.id,
    layout.topic_refs.map((topicRef, index) => ({ topicRef, topic: layout.topics[index] ?? '', partition: layout.partitions[index] ?? 0 })),
  ]));
}
