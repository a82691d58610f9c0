import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import type { GroupHistoryWindow } from './group-window';
import { InMemoryGroupHistoryWindow } from './in-memory-window';
import { readLatestTimeLags, type LatestTimeLags } from './latest-time-lags';
import { readGroupListHistory, type GroupListHistory } from './group-list-history';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { PersistedFirstGroupHistoryWindow } from './persisted-first-window';
import { PersistedGroupHistoryWindow } from './persisted-window';

export type { GroupHistoryWindow, GroupWindowPartition, GroupWindowPoint } from './group-window';
export type { LatestTimeLags, PartitionTimeLagReading } from './latest-time-lags';
export type { GroupListHistory, GroupListHistoryEntry } from './group-list-history';

// On globalThis so that Next's dev-mode module reloads keep the window instead of emptying it.
const globalStore = globalThis as unknown as { lagboardGroupWindow?: GroupHistoryWindow };

/**
 * The app's one group window. With a collector (COLLECTOR_MODE `embedded`, or `external` when
 * `npm run collector` writes) it reads the persisted snapshots, so Burrow status, stuck partitions
 * and rebalance scores survive a restart and agree across instances; for a group whose stored
 * points are older than three snapshot intervals (no collector running yet, or not leading
 * anywhere) it falls back to the in-memory window of recent observations. With COLLECTOR_MODE
 * `off` it is the in-memory window alone. In-memory points are kept for twice the stuck-detection
 * window, so the detection always finds a point at or before its start.
 */
export function getGroupHistoryWindow(): GroupHistoryWindow {
  if (!globalStore.lagboardGroupWindow) {
    const config = getConfig();
    const inMemory = new InMemoryGroupHistoryWindow({
      maxPointsPerGroup: config.kafka.groupWindow.maxPointsPerGroup,
      maxPartitionSamplesPerCluster: config.kafka.groupWindow.maxPartitionSamplesPerCluster,
      retentionMs: 2 * config.thresholds.stuckDetectionWindowSeconds * 1000,
    });
    globalStore.lagboardGroupWindow = config.history.collectorMode === 'off'
      ? inMemory
      : new PersistedFirstGroupHistoryWindow(new PersistedGroupHistoryWindow(getDb), inMemory, 3 * config.history.snapshotIntervalMs);
  }
  return globalStore.lagboardGroupWindow;
}

/**
 * Time lag (seconds) per partition, the max per group and the max per topic, from the newest
 * snapshot holding the cluster; `takenAtMs` null when the collector has not written one yet.
 * For the Kafka API and /api/metrics (lag in seconds).
 */
// Every group page, group API call and scrape reads the whole cluster's newest time lags: one read
// per cluster per TTL (bench:load: uncached, 50 viewers made it one database read per request).
const timeLagCacheStore = globalThis as unknown as { lagboardLatestTimeLagCache?: TtlCache<LatestTimeLags> };

export async function getLatestTimeLags(clusterId: string): Promise<LatestTimeLags> {
  timeLagCacheStore.lagboardLatestTimeLagCache ??= new TtlCache(Math.min(getConfig().sourceCacheTtlMs, getConfig().history.snapshotIntervalMs));
  return timeLagCacheStore.lagboardLatestTimeLagCache.get(clusterId, async () => readLatestTimeLags(await getDb(), clusterId));
}

/** The groups list's sparkline: the last hour in at most 30 points (2-minute maxima). */
export const GROUP_LIST_SPARKLINE_SPAN_MS = 60 * 60_000;
const groupListSparklinePoints = 30;

// Every viewer's list refresh reads the same snapshots; one read per cluster per TTL is enough.
const historyCacheStore = globalThis as unknown as { lagboardGroupListHistoryCache?: TtlCache<GroupListHistory> };

/** Burrow status, time lag and total-lag sparkline per group from the collector's snapshots. */
export async function getGroupListHistory(clusterId: string): Promise<GroupListHistory> {
  historyCacheStore.lagboardGroupListHistoryCache ??= new TtlCache(Math.min(getConfig().sourceCacheTtlMs, getConfig().history.snapshotIntervalMs));
  return historyCacheStore.lagboardGroupListHistoryCache.get(clusterId, async () =>
    readGroupListHistory(await getDb(), clusterId, { nowMs: Date.now(), spanMs: GROUP_LIST_SPARKLINE_SPAN_MS, maxPoints: groupListSparklinePoints }));
}
