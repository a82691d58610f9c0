import 'server-only';
import { recommendRedisConsumers, type RedisScalingRecommendation } from '@/lib/analysis';
import { ApiError } from '@/lib/api/errors';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getStreamGroupTrend } from '@/lib/history/trend/get-stream-group-trend';
import { describeError, log } from '@/lib/log';
import type { RedisStreamGroupObservation } from '@/lib/observations/redis';
import { findDeadConsumerCandidates } from './dead-consumers';
import type { GroupDetailJson } from './stream-detail';

/** The stream group's `scaling` object (fields in docs/actions.md). */
export interface StreamGroupScalingJson {
  lag_growth_per_second: number | null;
  trend: RedisScalingRecommendation['trend'];
  catch_up_seconds: number | null;
  scalable_backlog: number;
  current_consumers: number;
  live_consumers: number;
  recommended_consumers: number;
  lag_threshold_per_member: number;
  reason: string;
}

// Lag growth is judged over the last ten minutes of snapshots, as the Kafka group window.
const windowMs = 10 * 60_000;

/**
 * Lag samples from the collector's stream-group trend (lib/history's reader); none when the
 * collector has not stored the group yet, so the trend is then "unknown", not "steady".
 */
async function readLagSamples(stream: string, group: string, nowMs: number): Promise<Array<{ observedAtMs: number; lag: number | null }>> {
  try {
    const trend = await getStreamGroupTrend(await getDb(), { stream, group, range: { fromMs: nowMs - windowMs, toMs: nowMs }, requestedStepMs: null });
    return trend.points.map((point) => ({ observedAtMs: Date.parse(point.time), lag: point.lag.avg }));
  } catch (error) {
    if (!(error instanceof ApiError)) log.warn('events.scaling_history_unavailable', { error: describeError(error) });
    return [];
  }
}

export interface StreamGroupScalingInput {
  stream: string;
  group: string;
  /** Redis's lag or Lagboard's count; null when neither is known. */
  lag: number | null;
  pending: number;
  consumers: ReadonlyArray<{ pending: number; dead: boolean }>;
  nowMs: number;
}

/** From an observation's group (the metrics): dead consumers judged with DEAD_CONSUMER_IDLE_MS. */
export function scalingInputOf(stream: string, group: RedisStreamGroupObservation, deadConsumerIdleMs: number, nowMs: number): StreamGroupScalingInput {
  const dead = new Set(findDeadConsumerCandidates(group.consumers, deadConsumerIdleMs).map((consumer) => consumer.name));
  return {
    stream,
    group: group.name,
    lag: group.lag ?? group.lagEstimate?.entries ?? null,
    pending: group.pending,
    consumers: group.consumers.map((consumer) => ({ pending: consumer.pending, dead: dead.has(consumer.name) })),
    nowMs,
  };
}

export async function streamGroupScaling(input: StreamGroupScalingInput): Promise<StreamGroupScalingJson> {
  const threshold = getConfig().scaling.lagThresholdPerMember;
  const dead = input.consumers.filter((consumer) => consumer.dead);
  const samples = await readLagSamples(input.stream, input.group, input.nowMs);
  // The current reading ends the series, so growth covers up to now.
  const recommendation = recommendRedisConsumers({
    lag: input.lag,
    pending: input.pending,
    pendingOnDeadConsumers: dead.reduce((total, consumer) => total + consumer.pending, 0),
    consumerCount: input.consumers.length,
    deadConsumerCount: dead.length,
    lagSamples: [...samples, { observedAtMs: input.nowMs, lag: input.lag }],
    lagThresholdPerMember: threshold,
  });
  return {
    lag_growth_per_second: recommendation.lagGrowthPerSecond,
    trend: recommendation.trend,
    catch_up_seconds: recommendation.catchUpSeconds,
    scalable_backlog: recommendation.scalableBacklog,
    current_consumers: recommendation.currentConsumers,
    live_consumers: recommendation.liveConsumers,
    recommended_consumers: recommendation.recommendedConsumers,
    lag_threshold_per_member: threshold,
    reason: recommendation.reason,
  };
}

/** From a group of the stream detail (the stream page and the group API). */
export function scalingInputOfDetail(stream: string, group: GroupDetailJson, nowMs: number): StreamGroupScalingInput {
  return {
    stream,
    group: group.name,
    lag: group.lag < 0 ? null : group.lag,
    pending: group.pending,
    consumers: group.consumers.map((consumer) => ({ pending: consumer.pending, dead: consumer.dead_candidate })),
    nowMs,
  };
}
