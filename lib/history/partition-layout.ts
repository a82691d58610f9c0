/**
 * Shared by the compact point stores (the in-memory group window and the collector's recent
 * points): offsets live in typed arrays, where NaN stands for null, and consecutive points of a
 * group share one array of partition names while the group's partitions stay the same.
 */

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** The previous point's layout when it names the same partitions in the same order, else a new one. */
export function reuseLayout(previous: readonly PartitionRef[] | undefined, partitions: readonly PartitionRef[]): readonly PartitionRef[] {
  const same = previous !== undefined && previous.length === partitions.length
    && partitions.every((entry, index) => entry.topic === previous[index]?.topic && entry.partition === previous[index]?.partition);
  return same ? previous : partitions.map(({ topic, partition }) => ({ topic, partition }));
}

export const nullToNaN = (value: number | null): number => value ?? Number.NaN;
export const nanToNull = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);
