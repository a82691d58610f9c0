import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { GroupHistoryWindow, GroupWindowPoint } from './group-window';
import { OutageLog } from './outage-log';
import { readWindowPoints } from './read-window-points';
import type { SqlClient } from './sql-client';

/**
 * The group window read from the snapshot tables, so Burrow status, stuck partitions and the
 * rebalance score survive a restart and agree across dashboard instances. The collector is the
 * only writer (one snapshot per SNAPSHOT_INTERVAL_MS, from the leader), so `record` does
 * nothing: observations a viewer happens to trigger are not history.
 *
 * When the database cannot be read the window is empty (logged once per outage): the analyses
 * then judge the current observation alone instead of failing the whole request.
 */
export class PersistedGroupHistoryWindow implements GroupHistoryWindow {
  private readonly outage = new OutageLog('history.window_database');

  constructor(private readonly database: () => Promise<SqlClient>) {}

  async record(_clusterId: string, _observation: KafkaClusterObservation): Promise<void> {}

  async recentPoints(clusterId: string, groupId: string, sinceMs: number): Promise<GroupWindowPoint[]> {
    try {
      const points = await readWindowPoints(await this.database(), clusterId, groupId, sinceMs);
      this.outage.succeeded();
      return points.get(groupId) ?? [];
    } catch (error) {
      this.outage.failed(error);
      return [];
    }
  }
}
