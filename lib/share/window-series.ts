import { estimateTimeLagSeconds, type LogEndOffsetPoint } from '@/lib/analysis';
import type { GroupWindowPoint } from '@/lib/history/group-window';
import type { ChartPoint } from './chart-points';

const partitionKey = ({ topic, partition }: { topic: string; partition: number }) => `${topic}\u0000${partition}`;

/**
 * A Kafka group's chart series from window points (oldest first): total and max lag over the
 * partitions with a known lag, members, and lag in time — the largest partition time lag, read
 * off each partition's log-end offsets up to that point (lib/analysis estimateTimeLagSeconds).
 */
export function groupWindowSeries(points: readonly GroupWindowPoint[]): ChartPoint[] {
  const curves = new Map<string, LogEndOffsetPoint[]>();
  return points.map((point) => {
    let totalLag = 0;
    let maxLag: number | null = null;
    let lagSeconds: number | null = null;
    for (const partition of point.partitions) {
      const key = partitionKey(partition);
      if (partition.logEndOffset !== null) {
        const curve = curves.get(key) ?? [];
        curve.push({ logEndOffset: partition.logEndOffset, timestampMs: point.observedAtMs });
        curves.set(key, curve);
      }
      if (partition.lag === null) continue;
      totalLag += partition.lag;
      maxLag = Math.max(maxLag ?? 0, partition.lag);
      if (partition.committedOffset === null) continue;
      const estimate = estimateTimeLagSeconds(curves.get(key) ?? [], partition.committedOffset, point.observedAtMs);
      if (estimate) lagSeconds = Math.max(lagSeconds ?? 0, estimate.lagSeconds);
    }
    return {
      atMs: point.observedAtMs,
      total_lag: maxLag === null ? null : totalLag,
      max_lag: maxLag,
      lag_seconds: lagSeconds === null ? null : Math.round(lagSeconds * 10) / 10,
      members: point.memberCount,
    };
  });
}
