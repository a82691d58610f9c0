import type { GroupPointInput, PartitionPointInput, SnapshotInput, StreamGroupPointInput } from '../snapshot-input';

/**
 * Synthetic snapshots for the history tests and the benchmark: rows as the collector would hand
 * them to the writer, with every number chosen by the caller.
 */

export function partitionPoint(topic: string, partition: number, committedOffset: number | null, logEndOffset: number | null, lagSeconds: number | null = null): PartitionPointInput {
  const lag = committedOffset === null || logEndOffset === null ? null : Math.max(0, logEndOffset - committedOffset);
  return { topic, partition, committedOffset, logEndOffset, lag, lagSeconds };
}

export function groupPoint(clusterId: string, groupId: string, partitions: PartitionPointInput[], overrides: Partial<GroupPointInput> = {}): GroupPointInput {
  const lags = partitions.flatMap((partition) => (partition.lag === null ? [] : [partition.lag])).sort((left, right) => left - right);
  const lagSeconds = partitions.flatMap((partition) => (partition.lagSeconds === null ? [] : [partition.lagSeconds]));
  return {
    clusterId,
    groupId,
    groupType: 'classic',
    state: 'Stable',
    memberCount: 1,
    generationOrEpoch: null,
    lagP50: lags[Math.max(0, Math.ceil(lags.length / 2) - 1)] ?? 0,
    lagP95: lags[Math.max(0, Math.ceil((lags.length * 95) / 100) - 1)] ?? 0,
    lagMax: lags[lags.length - 1] ?? 0,
    totalLag: lags.reduce((sum, lag) => sum + lag, 0),
    sloCompliance: 1,
    fairnessGini: 0,
    lagSecondsMax: lagSeconds.length === 0 ? null : Math.max(...lagSeconds),
    status: 'OK',
    partitions,
    ...overrides,
  };
}

export function streamGroupPoint(stream: string, group: string, overrides: Partial<StreamGroupPointInput> = {}): StreamGroupPointInput {
  return { stream, group, lag: 0, lagEstimated: false, pending: 0, consumerCount: 1, length: 0, ...overrides };
}

export function snapshotAt(takenAtMs: number, parts: Partial<Omit<SnapshotInput, 'takenAtMs'>> = {}): SnapshotInput {
  return { takenAtMs, durationMs: 0, groups: [], streamGroups: [], events: [], sourceErrors: [], ...parts };
}

/** `groupCount` groups on their own topic with `partitionsPerGroup` partitions each (the benchmark's shape). */
export function syntheticClusterSnapshot(takenAtMs: number, options: { clusterId: string; groupCount: number; partitionsPerGroup: number; sequence: number }): SnapshotInput {
  const groups: GroupPointInput[] = [];
  for (let groupIndex = 0; groupIndex < options.groupCount; groupIndex += 1) {
    const partitions: PartitionPointInput[] = [];
    for (let partition = 0; partition < options.partitionsPerGroup; partition += 1) {
      const logEndOffset = 1_000_000 + options.sequence * 100 + partition;
      partitions.push(partitionPoint(`topic-${groupIndex}`, partition, logEndOffset - ((groupIndex + partition) % 50), logEndOffset, (groupIndex % 7) * 1.5));
    }
    groups.push(groupPoint(options.clusterId, `group-${groupIndex}`, partitions, { memberCount: 3, generationOrEpoch: options.sequence % 5 }));
  }
  return snapshotAt(takenAtMs, { groups });
}
