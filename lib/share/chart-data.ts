import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db';
import { getGroupTrend } from '@/lib/history/trend/get-group-trend';
import { getStreamGroupTrend } from '@/lib/history/trend/get-stream-group-trend';
import { describeError, log } from '@/lib/log';
import { chartRanges, type ChartBinding } from './chart-binding';
import type { ChartPoint, ChartReading, SharedChartData } from './chart-points';
import { groupTrendPoints, streamGroupTrendPoints } from './history-series';
import { readLiveKafkaGroup, readLiveStreamGroup } from './live-chart-data';

/**
 * The data behind a shared chart, read on the server: the public page never calls an API, and
 * only the bound series of the bound resource over the bound range leave this module.
 * The stored history (lib/history/trend) comes first; when it has nothing for the chart, the
 * live readers fill in (live-chart-data.ts).
 */

async function readHistory(binding: ChartBinding, range: { fromMs: number; toMs: number }): Promise<ChartPoint[]> {
  try {
    const database = await getDb();
    if (binding.kind === 'kafka_group') {
      const trend = await getGroupTrend(database, { clusterId: binding.cluster_id ?? '', groupId: binding.name, range, requestedStepMs: null });
      return groupTrendPoints(trend.points);
    }
    const trend = await getStreamGroupTrend(database, { stream: binding.name, group: binding.group ?? '', range, requestedStepMs: null });
    return streamGroupTrendPoints(trend.points);
  } catch (error) {
    // "No history for this group" is a 404 from the trend query: not an error, just no history yet.
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

async function readChart(binding: ChartBinding, range: { fromMs: number; toMs: number }): Promise<ChartReading> {
  const history = await readHistory(binding, range);
  if (history.length > 0) return { points: history, coverage: 'history', unavailable: false };
  return binding.kind === 'kafka_group' ? readLiveKafkaGroup(binding, range.toMs) : readLiveStreamGroup(binding);
}

function keepSeries(points: readonly ChartPoint[], series: readonly string[]): ChartPoint[] {
  return points.map((point) => {
    const kept: ChartPoint = { atMs: point.atMs };
    for (const seriesId of series) kept[seriesId] = point[seriesId] ?? null;
    return kept;
  });
}

export async function loadSharedChartData(binding: ChartBinding, nowMs: number = Date.now()): Promise<SharedChartData> {
  const range = { fromMs: nowMs - chartRanges[binding.range], toMs: nowMs };
  try {
    const reading = await readChart(binding, range);
    return { ...reading, points: keepSeries(reading.points, binding.series), ...range };
  } catch (error) {
    // The public page says "unavailable" and nothing more; the reason goes to the log.
    log.warn('share.chart_data_unavailable', { kind: binding.kind, error: describeError(error) });
    return { points: [], coverage: 'live', unavailable: true, ...range };
  }
}
