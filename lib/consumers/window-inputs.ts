import type {
  CommittedOffsetSample,
  GroupLag,
  PartitionHistory,
  PartitionWindowInput,
  RebalanceObservation,
  TopicPartition,
} from '@/lib/analysis';
import type { GroupWindowPartition, GroupWindowPoint } from '@/lib/history/group-window';

/**
 * Turns a group's window points (oldest first) into the inputs of the pure analyses. The window
 * is a series of observations, not of commits, which matters for Burrow (see burrowInputs).
 */

const partitionKey = ({ topic, partition }: TopicPartition) => `${topic}\u0000${partition}`;

function partitionsByKey(point: GroupWindowPoint): Map<string, GroupWindowPartition> {
  return new Map(point.partitions.map((partition) => [partitionKey(partition), partition]));
}

export function rebalanceObservations(points: readonly GroupWindowPoint[]): RebalanceObservation[] {
  return points.map((point) => ({
    timestampMs: point.observedAtMs,
    generationOrEpoch: point.generationOrEpoch,
    state: point.state,
    memberCount: point.memberCount,
  }));
}

/** Lag and committed offset of each partition at each point; a point without the partition is skipped. */
export function stuckHistories(points: readonly GroupWindowPoint[], partitions: readonly TopicPartition[]): PartitionHistory[] {
  const indexed = points.map((point) => ({ observedAtMs: point.observedAtMs, byKey: partitionsByKey(point) }));
  return partitions.map(({ topic, partition }) => {
    const key = partitionKey({ topic, partition });
    const samples = indexed.flatMap(({ observedAtMs, byKey }) => {
      const entry = byKey.get(key);
      return entry ? [{ timestampMs: observedAtMs, lag: entry.lag, committedOffset: entry.committedOffset }] : [];
    });
    return { topic, partition, samples };
  });
}

export interface BurrowInputOptions {
  nowMs: number;
  windowSize: number;
  minimumEvidenceMs: number;
}

/**
 * Burrow judges a window of commits. Kafka does not report when an offset was committed, so the
 * commits are reconstructed from the observations: each distinct committed offset counts once,
 * stamped with the first observation that saw it (the commit happened at or just before it).
 * Repeated observations of one offset are therefore not read as repeated commits, and polling
 * faster than the consumers commit cannot fake a STALL. Until the points span
 * `minimumEvidenceMs`, every partition gets an empty window (complete 0, status OK).
 *
 * Partitions with unknown current lag (never committed, log end unknown) are not judged.
 */
export function burrowInputs(points: readonly GroupWindowPoint[], groupLag: GroupLag, options: BurrowInputOptions): PartitionWindowInput[] {
  const oldest = points[0];
  const enoughEvidence = oldest !== undefined && options.nowMs - oldest.observedAtMs >= options.minimumEvidenceMs;
  const indexed = points.map((point) => ({ observedAtMs: point.observedAtMs, byKey: partitionsByKey(point) }));
  const inputs: PartitionWindowInput[] = [];
  for (const current of groupLag.partitions) {
    if (current.lag === null || current.committed_offset === null || current.log_end_offset === null) {
      continue;
    }
    const key = partitionKey(current);
    const commits: CommittedOffsetSample[] = [];
    const logEndOffsets: number[] = [];
    for (const { observedAtMs, byKey } of enoughEvidence ? indexed : []) {
      const entry = byKey.get(key);
      if (entry?.logEndOffset != null) logEndOffsets.push(entry.logEndOffset);
      if (entry?.committedOffset == null || entry.committedOffset === commits[commits.length - 1]?.committedOffset) {
        continue;
      }
      commits.push({ timestampMs: observedAtMs, committedOffset: entry.committedOffset, lag: entry.lag });
    }
    inputs.push({
      topic: current.topic,
      partition: current.partition,
      offsets: commits.slice(-options.windowSize),
      logEndOffset: current.log_end_offset,
      currentLag: current.lag,
      recentLogEndOffsets: logEndOffsets.slice(-options.windowSize),
    });
  }
  return inputs;
}
