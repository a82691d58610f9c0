import { formatDuration, type ScalingTrend } from './kafka-scaling';

/**
 * Consumers a Redis Streams group needs: ceil((lag + pending on live consumers) / threshold),
 * at least 1 while entries arrive. Unlike Kafka there is no partition cap (every consumer of a
 * group reads the same stream), but entries pending on dead consumers are left out: nobody
 * delivers them again until they are claimed, so more consumers cannot help with them.
 */

export interface RedisScalingInput {
  /** Entries not yet delivered to the group; null when Redis cannot tell. */
  lag: number | null;
  pending: number;
  /** Pending entries held by dead-consumer candidates. */
  pendingOnDeadConsumers: number;
  consumerCount: number;
  deadConsumerCount: number;
  /** The group's lag over the window, oldest first. */
  lagSamples: ReadonlyArray<{ observedAtMs: number; lag: number | null }>;
  lagThresholdPerMember: number;
}

export interface RedisScalingRecommendation {
  /** Lag change per second over the window (positive: falling behind). */
  lagGrowthPerSecond: number | null;
  trend: ScalingTrend;
  catchUpSeconds: number | null;
  scalableBacklog: number;
  currentConsumers: number;
  liveConsumers: number;
  recommendedConsumers: number;
  reason: string;
}

function lagGrowth(samples: RedisScalingInput['lagSamples']): number | null {
  const known = samples.filter((sample): sample is { observedAtMs: number; lag: number } => sample.lag !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last || last.observedAtMs <= first.observedAtMs) return null;
  return (last.lag - first.lag) / ((last.observedAtMs - first.observedAtMs) / 1000);
}

export function recommendRedisConsumers(input: RedisScalingInput): RedisScalingRecommendation {
  const lag = input.lag ?? 0;
  const growth = lagGrowth(input.lagSamples);
  const scalableBacklog = lag + Math.max(0, input.pending - input.pendingOnDeadConsumers);
  const liveConsumers = Math.max(0, input.consumerCount - input.deadConsumerCount);
  let trend: ScalingTrend;
  let catchUpSeconds: number | null = null;
  if (lag === 0 && (growth === null || growth <= 0)) trend = 'caught_up';
  else if (growth === null) trend = 'unknown';
  else if (growth < 0) {
    trend = 'catching_up';
    catchUpSeconds = lag / -growth;
  } else trend = 'falling_behind';

  let recommended = Math.ceil(scalableBacklog / input.lagThresholdPerMember);
  const reasons: string[] = [];
  if (trend === 'falling_behind' && recommended <= liveConsumers) {
    // The backlog is small but growing: the consumers there are do not keep up.
    recommended = liveConsumers + 1;
    reasons.push(`falling behind: lag grows by ${(growth ?? 0).toFixed(1)} entries/s`);
  }
  if (recommended === 0 && (trend !== 'caught_up' || liveConsumers > 0)) recommended = 1;
  if (input.pendingOnDeadConsumers > 0) {
    reasons.push(`${input.pendingOnDeadConsumers} entries pending on ${input.deadConsumerCount} dead consumer${input.deadConsumerCount === 1 ? '' : 's'}: claim or acknowledge them; adding consumers will not help`);
  }
  if (reasons.length === 0) {
    const sizing = `backlog ${scalableBacklog} at ${input.lagThresholdPerMember} per consumer → ${recommended}`;
    reasons.push(trend === 'catching_up' && catchUpSeconds !== null
      ? `catching up in about ${formatDuration(catchUpSeconds)}: ${sizing}`
      : trend === 'caught_up' ? `caught up: ${sizing}` : trend === 'unknown' ? `lag trend not known yet: ${sizing}` : sizing);
  }
  return {
    lagGrowthPerSecond: growth,
    trend,
    catchUpSeconds,
    scalableBacklog,
    currentConsumers: input.consumerCount,
    liveConsumers,
    recommendedConsumers: recommended,
    reason: reasons.join('; '),
  };
}
