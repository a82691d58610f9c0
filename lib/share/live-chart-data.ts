import 'server-only';
import { groupLagsByGroupId } from '@/lib/analysis';
import { groupLag } from '@/lib/events/lag-reading';
import { getGroupHistoryWindow } from '@/lib/history';
import { getKafkaObservation } from '@/lib/sources/kafka';
import { getRedisObservation } from '@/lib/sources/redis';
import { chartRanges, type ChartBinding } from './chart-binding';
import { thinPoints, type ChartPoint, type ChartReading } from './chart-points';
import { groupWindowSeries } from './window-series';

/**
 * The fallback when the stored history has nothing for the chart (the collector is not running
 * or has not seen the group yet): the in-memory window of recent observations plus the current
 * observation for a Kafka group, the current observation for a stream group.
 */

const maximumPoints = 400;

export async function readLiveKafkaGroup(binding: ChartBinding, nowMs: number): Promise<ChartReading> {
  const clusterId = binding.cluster_id ?? '';
  const observation = await getKafkaObservation(clusterId);
  const window = await getGroupHistoryWindow().recentPoints(clusterId, binding.name, nowMs - chartRanges[binding.range]);
  const points = groupWindowSeries(thinPoints(window, maximumPoints));
  const current = groupLagsByGroupId(observation).get(binding.name);
  // The source records every fresh observation in the window first; add it only if the window missed it.
  if (current && (points.at(-1)?.atMs ?? -Infinity) < observation.observedAtMs) {
    const known = current.lag.partition_count > 0;
    points.push({
      atMs: observation.observedAtMs,
      total_lag: known ? current.lag.total_lag : null,
      max_lag: known ? current.lag.lag_max : null,
      lag_seconds: null,
      members: current.member_count,
    });
  }
  return { points, coverage: points.length > 1 ? 'recent' : 'live', unavailable: false };
}

export async function readLiveStreamGroup(binding: ChartBinding): Promise<ChartReading> {
  const observation = await getRedisObservation();
  const stream = observation.streams.find((candidate) => candidate.name === binding.name && candidate.exists && !candidate.error);
  const group = stream?.groups.find((candidate) => candidate.name === binding.group);
  const points: ChartPoint[] = group
    ? [{ atMs: observation.observedAtMs, lag: groupLag(group)?.lag ?? null, pending: group.pending, consumers: group.consumerCount }]
    : [];
  return { points, coverage: 'live', unavailable: false };
}
