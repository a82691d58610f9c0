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

/** A deterministic hash of small integers, for fixture values that look independent. */
function mix(...values: number[]): number {
  let hash = 2_166_136_261;
  for (const value of values) hash = Math.imul(hash ^ value, 16_777_619) >>> 0;
  return hash;
}

/**
 * `groupCount` groups on their own topic with `partitionsPerGroup` partitions each (the
 * benchmark's shape), with offsets as production clusters have them: topics at tens to hundreds
 * of millions, partitions of a topic up to 200,000 offsets apart, each growing at its own rate
 * (200 to 5,200 messages per 30 s interval), most groups a few hundred messages behind and one
 * in ten thousands behind, time lags with two decimals, and one partition in a hundred never
 * committed. `sequence` is the snapshot's number: offsets grow with it.
 */
export function syntheticClusterSnapshot(takenAtMs: number, options: { clusterId: string; groupCount: number; partitionsPerGroup: number; sequence: number }): SnapshotInput {
  const groups: GroupPointInput[] = [];
  for (let groupIndex = 0; groupIndex < options.groupCount; groupIndex += 1) {
    const topicBase = 10_000_000 + (mix(groupIndex) % 490_000_000);
    const laggingGroup = groupIndex % 10 === 0;
    const partitions: PartitionPointInput[] = [];
    for (let partition = 0; partition < options.partitionsPerGroup; partition += 1) {
      const ratePerInterval = 200 + (mix(groupIndex, partition) % 5_000);
      const logEndOffset = topicBase + (mix(partition, groupIndex, 7) % 200_000) + options.sequence * ratePerInterval;
      const lag = mix(groupIndex, partition, options.sequence) % (laggingGroup ? 40_000 : 600);
      const neverCommitted = mix(groupIndex, partition, 99) % 100 === 0;
      const lagSeconds = neverCommitted ? null : Math.round((lag * 3_000) / ratePerInterval) / 100;
      partitions.push(partitionPoint(`topic-${groupIndex}`, partition, neverCommitted ? null : logEndOffset - lag, logEndOffset, lagSeconds));
    }
    groups.push(groupPoint(options.clusterId, `group-${groupIndex}`, partitions, { memberCount: 3, generationOrEpoch: options.sequence % 5 }));
  }
  return snapshotAt(takenAtMs, { groups });
}
