import { groupLagsByGroupId, type GroupLag } from '@/lib/analysis';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { GroupHistoryWindow, GroupWindowPoint } from './group-window';
import { nanToNull, nullToNaN, reuseLayout, type PartitionRef } from './partition-layout';

export interface InMemoryGroupWindowOptions {
  /** Points kept per group (the newest ones). */
  maxPointsPerGroup: number;
  /**
   * Partition samples kept per cluster, all groups together: on a cluster with many groups the
   * points per group shrink (never below 2) so memory stays near 16 bytes x this number.
   */
  maxPartitionSamplesPerCluster: number;
  /** Points older than this (relative to the newest observation) are dropped. */
  retentionMs: number;
  /**
   * Within this spacing, a point that repeats its neighbours' state, epoch and member count
   * replaces the previous one instead of adding to it, so frequent polling cannot squeeze the
   * window into a few seconds. Defaults to retentionMs / maxPointsPerGroup.
   */
  minimumSpacingMs?: number;
}

/** A point in compact form: offsets in one typed array, partition names shared between points. */
interface StoredPoint {
  observedAtMs: number;
  state: string;
  generationOrEpoch: number | null;
  memberCount: number;
  layout: readonly PartitionRef[];
  /** committed offset and log-end offset per partition of `layout`; NaN stands for null. */
  offsets: Float64Array;
}

const valuesPerPartition = 2;

function sameCoordination(left: StoredPoint, right: StoredPoint): boolean {
  return left.state === right.state && left.generationOrEpoch === right.generationOrEpoch && left.memberCount === right.memberCount;
}

/**
 * Straight from the group's lag (the same figures groupWindowPoint holds), without building the
 * point objects first: on a cluster with thousands of groups this runs for every partition.
 */
function toStored(groupLag: GroupLag, generationOrEpoch: number | null, observedAtMs: number, previous: StoredPoint | undefined): StoredPoint {
  const partitions = groupLag.partitions;
  const offsets = new Float64Array(partitions.length * valuesPerPartition);
  partitions.forEach((partition, index) => {
    offsets[index * valuesPerPartition] = nullToNaN(partition.committed_offset);
    offsets[index * valuesPerPartition + 1] = nullToNaN(partition.log_end_offset);
  });
  return {
    observedAtMs,
    state: groupLag.state,
    generationOrEpoch,
    memberCount: groupLag.member_count,
    layout: reuseLayout(previous?.layout, partitions),
    offsets,
  };
}

/** Lag is not stored: it is max(0, log end - committed) whenever both are known (partition-lag.ts). */
function toPoint(stored: StoredPoint): GroupWindowPoint {
  return {
    observedAtMs: stored.observedAtMs,
    state: stored.state,
    generationOrEpoch: stored.generationOrEpoch,
    memberCount: stored.memberCount,
    partitions: stored.layout.map(({ topic, partition }, index) => {
      const committedOffset = nanToNull(stored.offsets[index * valuesPerPartition]);
      const logEndOffset = nanToNull(stored.offsets[index * valuesPerPartition + 1]);
      const lag = committedOffset === null || logEndOffset === null ? null : Math.max(0, logEndOffset - committedOffset);
      return { topic, partition, committedOffset, logEndOffset, lag };
    }),
  };
}

/**
 * The window kept in process memory: bounded per group (points and retention) and per cluster
 * (partition samples), lost on restart. Groups that disappear from the cluster are forgotten once
 * their newest point is older than the retention.
 */
export class InMemoryGroupHistoryWindow implements GroupHistoryWindow {
  private readonly clusters = new Map<string, Map<string, StoredPoint[]>>();
  private readonly minimumSpacingMs: number;

  constructor(private readonly options: InMemoryGroupWindowOptions) {
    if (!(options.maxPointsPerGroup >= 2)) {
      throw new RangeError(`maxPointsPerGroup must be at least 2, got ${options.maxPointsPerGroup}`);
    }
    this.minimumSpacingMs = options.minimumSpacingMs ?? options.retentionMs / options.maxPointsPerGroup;
  }

  async record(clusterId: string, observation: KafkaClusterObservation): Promise<void> {
    const series = this.clusters.get(clusterId) ?? new Map<string, StoredPoint[]>();
    this.clusters.set(clusterId, series);
    const lags = groupLagsByGroupId(observation);
    let samplesInObservation = 0;
    for (const groupLag of lags.values()) samplesInObservation += groupLag.partitions.length;
    const pointsPerGroup = Math.max(2, Math.min(
      this.options.maxPointsPerGroup,
      Math.floor(this.options.maxPartitionSamplesPerCluster / Math.max(1, samplesInObservation)),
    ));
    const oldestKeptMs = observation.observedAtMs - this.options.retentionMs;

    for (const group of observation.groups) {
      const groupLag = lags.get(group.groupId);
      if (!groupLag) continue;
      const stored = series.get(group.groupId) ?? [];
      series.set(group.groupId, stored);
      this.append(stored, toStored(groupLag, group.generationOrEpoch, observation.observedAtMs, stored[stored.length - 1]));
      const firstKept = Math.max(stored.length - pointsPerGroup, stored.findIndex((entry) => entry.observedAtMs >= oldestKeptMs));
      if (firstKept > 0) stored.splice(0, firstKept);
    }
    for (const [groupId, stored] of series) {
      const newest = stored[stored.length - 1];
      if (!lags.has(groupId) && (newest === undefined || newest.observedAtMs < oldestKeptMs)) {
        series.delete(groupId);
      }
    }
  }

  async recentPoints(clusterId: string, groupId: string, sinceMs: number): Promise<GroupWindowPoint[]> {
    const stored = this.clusters.get(clusterId)?.get(groupId) ?? [];
    return stored.filter((entry) => entry.observedAtMs >= sinceMs).map(toPoint);
  }

  /** Groups, points and partition samples held for a cluster (bench and tests). */
  size(clusterId: string): { groupCount: number; pointCount: number; partitionSampleCount: number } {
    let pointCount = 0;
    let partitionSampleCount = 0;
    const series = this.clusters.get(clusterId) ?? new Map<string, StoredPoint[]>();
    for (const stored of series.values()) {
      pointCount += stored.length;
      for (const entry of stored) partitionSampleCount += entry.layout.length;
    }
    return { groupCount: series.size, pointCount, partitionSampleCount };
  }

  private append(stored: StoredPoint[], next: StoredPoint): void {
    const last = stored[stored.length - 1];
    // The same observation recorded twice (or an older one arriving late) adds nothing.
    if (last && next.observedAtMs <= last.observedAtMs) {
      return;
    }
    const beforeLast = stored[stored.length - 2];
    if (last && beforeLast && next.observedAtMs - beforeLast.observedAtMs < this.minimumSpacingMs
      && sameCoordination(beforeLast, last) && sameCoordination(last, next)) {
      // A steady run: the middle point carries no rebalance and little offset information.
      stored[stored.length - 1] = next;
      return;
    }
    stored.push(next);
  }
}
