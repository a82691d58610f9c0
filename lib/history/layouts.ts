import type { SqlClient } from './sql-client';

/** One partition of a layout: the position of its values in a sample's partition data. */
export interface LayoutPartition {
  topicRef: number;
  topic: string;
  partition: number;
}

/** The layouts with these ids, with topic names, by id (two queries whatever their number). */
export async function readLayouts(sql: SqlClient, layoutRefs: Iterable<number>): Promise<Map<number, LayoutPartition[]>> {
  const ids = [...new Set(layoutRefs)];
  if (ids.length === 0) return new Map();
  const layouts = await sql.$queryRawUnsafe<{ id: number; topic_refs: number[]; partitions: number[] }[]>(
    'SELECT id, "topicRefs" AS topic_refs, partitions FROM "HistoryPartitionLayout" WHERE id = ANY($1::int4[])',
    ids,
  );
  const topicRefs = [...new Set(layouts.flatMap((layout) => layout.topic_refs))];
  const topics = topicRefs.length === 0
    ? []
    : await sql.$queryRawUnsafe<{ id: number; topic: string }[]>('SELECT id, topic FROM "HistoryKafkaTopic" WHERE id = ANY($1::int4[])', topicRefs);
  const topicById = new Map(topics.map((row) => [row.id, row.topic]));
  return new Map(layouts.map((layout) => [
    layout.id,
    layout.topic_refs.map((topicRef, index) => ({ topicRef, topic: topicById.get(topicRef) ?? '', partition: layout.partitions[index] ?? 0 })),
  ]));
}
