import type { GroupLag } from '@/lib/analysis';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';

/**
 * The recent history the group analyses need (Burrow status, stuck partitions, rebalance score):
 * one point per group per recorded observation. The in-memory window implements it now; the
 * persisted snapshots of the history issue will implement the same interface, so analysis code
 * depends on this file only.
 */

export interface GroupWindowPartition {
  topic: string;
  partition: number;
  /** null when the group never committed this partition. */
  committedOffset: number | null;
  /** null when the log end could not be read. */
  logEndOffset: number | null;
  lag: number | null;
}

export interface GroupWindowPoint {
  observedAtMs: number;
  state: string;
  generationOrEpoch: number | null;
  memberCount: number;
  partitions: GroupWindowPartition[];
}

export interface GroupHistoryWindow {
  /** Adds one point per group of the observation. Called once per fresh observation. */
  record(clusterId: string, observation: KafkaClusterObservation): Promise<void>;
  /** The group's points observed at or after `sinceMs`, oldest first; [] for an unknown group. */
  recentPoints(clusterId: string, groupId: string, sinceMs: number): Promise<GroupWindowPoint[]>;
}

/**
 * One group's point, from the lag the API shows for it (lib/analysis groupLagsByGroupId), so the
 * window and the live view agree; every implementation records these figures.
 */
export function groupWindowPoint(groupLag: GroupLag, generationOrEpoch: number | null, observedAtMs: number): GroupWindowPoint {
  return {
    observedAtMs,
    state: groupLag.state,
    generationOrEpoch,
    memberCount: groupLag.member_count,
    partitions: groupLag.partitions.map((partition) => ({
      topic: partition.topic,
      partition: partition.partition,
      committedOffset: partition.committed_offset,
      logEndOffset: partition.log_end_offset,
      lag: partition.lag,
    })),
  };
}
