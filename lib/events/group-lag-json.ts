import { classifyStreamGroup, type PendingThresholds, type StreamLagClass, type StreamLagThresholds } from '@/lib/analysis';
import type { RedisStreamGroupObservation } from '@/lib/observations/redis';
import { findDeadConsumerCandidates } from './dead-consumers';
import { entryAgeMs } from './entry-id-time';
import { groupLag } from './lag-reading';

/** What the lists need to classify a group: the thresholds and the dead-consumer idle time. */
export interface GroupHealthOptions {
  deadConsumerIdleMs: number;
  lagThresholds: StreamLagThresholds;
  pendingThresholds: PendingThresholds;
}

export const defaultGroupHealthOptions: GroupHealthOptions = { deadConsumerIdleMs: 300_000, lagThresholds: {}, pendingThresholds: {} };

/**
 * How every events endpoint writes a group's lag: `lag` is always a number, as in the seed
 * (-1 when it cannot be told at all), `lag_estimated` says Lagboard counted it because Redis
 * reported nil, `lag_at_least` says the count stopped at its limit, and `redis_lag` is exactly
 * what XINFO GROUPS printed (null for nil or absent).
 */
export interface GroupLagJson {
  lag: number;
  lag_estimated: boolean;
  lag_at_least: boolean;
  redis_lag: number | null;
}

export function groupLagJson(group: RedisStreamGroupObservation): GroupLagJson {
  const reading = groupLag(group);
  return {
    lag: reading?.lag ?? -1,
    lag_estimated: reading?.estimated ?? false,
    lag_at_least: reading?.atLeast ?? false,
    redis_lag: group.lag,
  };
}

/** A group as the streams list shows it. */
export interface GroupSummaryJson extends GroupLagJson {
  name: string;
  consumers: number;
  pending: number;
  last_delivered_id: string;
  entries_read: number | null;
  /** Since the oldest pending entry was added, from its ID; null when nothing is pending. */
  oldest_pending_age_ms: number | null;
  /** Consumers idle beyond the threshold while holding pending entries. */
  dead_consumer_candidates: string[];
  /** Lag, pending count, oldest pending age and dead consumers together (lib/analysis/stream-group-health.ts). */
  health: StreamLagClass;
  /** Why `health` is not healthy, in plain words with the numbers; empty when healthy. */
  health_reasons: string[];
  error?: string;
}

export function groupSummaryJson(group: RedisStreamGroupObservation, observedAtMs: number, options: GroupHealthOptions = defaultGroupHealthOptions): GroupSummaryJson {
  const lag = groupLagJson(group);
  const oldestPendingAgeMs = group.pending > 0 ? entryAgeMs(group.pendingSummary?.oldestId ?? null, observedAtMs) : null;
  const deadConsumers = findDeadConsumerCandidates(group.consumers, options.deadConsumerIdleMs).map((consumer) => consumer.name);
  const health = classifyStreamGroup(
    { lag: lag.lag < 0 ? null : lag.lag, pending: group.pending, oldestPendingAgeMs, deadConsumerCount: deadConsumers.length },
    { lag: options.lagThresholds, pending: options.pendingThresholds },
  );
  const summary: GroupSummaryJson = {
    name: group.name,
    consumers: group.consumerCount,
    pending: group.pending,
    last_delivered_id: group.lastDeliveredId,
    entries_read: group.entriesRead,
    ...lag,
    oldest_pending_age_ms: oldestPendingAgeMs,
    dead_consumer_candidates: deadConsumers,
    health: health.health,
    health_reasons: health.reasons,
  };
  return group.error === undefined ? summary : { ...summary, error: group.error };
}
