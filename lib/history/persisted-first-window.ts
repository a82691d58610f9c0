import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { GroupHistoryWindow, GroupWindowPoint } from './group-window';

/**
 * The window the app reads: the persisted snapshots when the collector keeps the group's history
 * fresh, otherwise the in-memory window of recent observations. So verdicts survive a restart and
 * agree across instances wherever the collector runs, and a group the collector has not written
 * yet (just started, its first interval, or no collector at all) is still judged from memory
 * instead of from nothing.
 */
export class PersistedFirstGroupHistoryWindow implements GroupHistoryWindow {
  constructor(
    private readonly persisted: GroupHistoryWindow,
    private readonly inMemory: GroupHistoryWindow,
    /** Stored points older than this (the newest one) mean the collector is not keeping up. */
    private readonly freshnessMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Observations go to memory only: the collector alone writes the persisted history. */
  async record(clusterId: string, observation: KafkaClusterObservation): Promise<void> {
    await this.inMemory.record(clusterId, observation);
  }

  async recentPoints(clusterId: string, groupId: string, sinceMs: number): Promise<GroupWindowPoint[]> {
    const stored = await this.persisted.recentPoints(clusterId, groupId, sinceMs);
    const newest = stored[stored.length - 1];
    if (newest && newest.observedAtMs >= this.nowMs() - this.freshnessMs) return stored;
    return this.inMemory.recentPoints(clusterId, groupId, sinceMs);
  }
}
