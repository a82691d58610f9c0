import type { GroupSeriesPoint } from '@/lib/history/trend/group-series';
import type { StreamGroupSeriesPoint } from '@/lib/history/trend/stream-series';
import type { ChartPoint } from './chart-points';

/**
 * Trend buckets (min/avg/max per bucket, lib/history/trend) as chart points. A shared chart draws
 * one line per series, the bucket average, as the dashboard's trend chart does; an empty bucket
 * value stays null so the line breaks instead of dropping to zero.
 */

export function groupTrendPoints(points: readonly GroupSeriesPoint[]): ChartPoint[] {
  return points.map((point) => ({
    atMs: Date.parse(point.time),
    total_lag: point.total_lag.avg,
    max_lag: point.max_lag.avg,
    lag_seconds: point.lag_seconds.avg,
    members: point.member_count.avg,
  }));
}

export function streamGroupTrendPoints(points: readonly StreamGroupSeriesPoint[]): ChartPoint[] {
  return points.map((point) => ({
    atMs: Date.parse(point.time),
    lag: point.lag.avg,
    pending: point.pending.avg,
    consumers: point.consumer_count.avg,
  }));
}
