/**
 * One snapshot as the collector hands it to the writer: analysis results in plain numbers, names
 * not yet resolved to their ids. Nothing here is computed by the writer.
 */

export interface PartitionPointInput {
  topic: string;
  partition: number;
  committedOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  lagSeconds: number | null;
}

export interface GroupPointInput {
  clusterId: string;
  groupId: string;
  groupType: 'classic' | 'consumer';
  state: string;
  memberCount: number;
  generationOrEpoch: number | null;
  lagP50: number;
  lagP95: number;
  lagMax: number;
  totalLag: number;
  sloCompliance: number;
  fairnessGini: number | null;
  lagSecondsMax: number | null;
  status: 'OK' | 'WARN' | 'ERR';
  partitions: PartitionPointInput[];
}

export interface StreamGroupPointInput {
  stream: string;
  group: string;
  /** Redis's lag, or the XRANGE estimate when Redis has none (then lagEstimated); null if neither. */
  lag: number | null;
  lagEstimated: boolean;
  pending: number;
  consumerCount: number;
  length: number;
}

/** A state change or rebalance since the group's previous snapshot (a chart marker). */
export interface GroupEventInput {
  clusterId: string;
  groupId: string;
  previousState: string;
  state: string;
  previousGenerationOrEpoch: number | null;
  generationOrEpoch: number | null;
  rebalance: boolean;
}

export interface SourceErrorInput {
  /** `kafka:<cluster id>` or `redis`. */
  source: string;
  message: string;
}

export interface SnapshotInput {
  /**
   * The source this snapshot is of (`kafka:<cluster id>` or `redis`) when each source is written
   * by the collector that leads it; left out, the snapshot is recorded as `all` (every source).
   */
  source?: string;
  takenAtMs: number;
  durationMs: number;
  groups: GroupPointInput[];
  streamGroups: StreamGroupPointInput[];
  events: GroupEventInput[];
  sourceErrors: SourceErrorInput[];
}
