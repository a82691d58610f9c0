import { classifyPending, classifyStreamGroup, classifyStreamLag, type PendingClass, type PendingThresholds, type StreamLagClass, type StreamLagThresholds } from '@/lib/analysis';
import type { RedisObservation, RedisStreamGroupObservation } from '@/lib/observations/redis';
import { findDeadConsumerCandidates, isDeadConsumerCandidate } from './dead-consumers';
import { entryAgeMs } from './entry-id-time';
import { groupLagJson, type GroupLagJson } from './group-lag-json';
import { streamSummaryJson, type StreamSummaryJson } from './streams-list';

export interface DetailOptions {
  deadConsumerIdleMs: number;
  lagThresholds: StreamLagThresholds;
  pendingThresholds: PendingThresholds;
}

export interface ConsumerDetailJson {
  name: string;
  pending: number;
  /** Since the consumer's last attempted read. */
  idle_ms: number;
  /** Since its last successful read; Redis 7.2+ only. */
  inactive_ms: number | null;
  dead_candidate: boolean;
}

export interface GroupDetailJson extends GroupLagJson {
  name: string;
  consumer_count: number;
  pending: number;
  pending_class: PendingClass;
  lag_class: StreamLagClass;
  last_delivered_id: string;
  /** Time since the entry last delivered to the group was added, from its ID. */
  last_delivered_age_ms: number | null;
  entries_read: number | null;
  oldest_pending_id: string | null;
  newest_pending_id: string | null;
  /** Since the oldest pending entry was last delivered (XPENDING idle). */
  oldest_pending_idle_ms: number | null;
  /** Since the oldest pending entry was added, from its ID: grows even when it is re-claimed. */
  oldest_pending_age_ms: number | null;
  oldest_pending: Array<{ id: string; consumer: string; idle_ms: number; delivery_count: number }>;
  consumers: ConsumerDetailJson[];
  /** Names of consumers idle beyond the threshold while holding pending entries. */
  dead_consumer_candidates: string[];
  /** Lag, pending count, oldest pending age and dead consumers together (as in the streams list). */
  health: StreamLagClass;
  health_reasons: string[];
  error?: string;
}

export interface StreamDetailJson extends Omit<StreamSummaryJson, 'consumer_groups'> {
  consumer_groups: GroupDetailJson[];
  dead_consumer_idle_ms: number;
  observed_at: string;
}

export function groupDetailJson(group: RedisStreamGroupObservation, observedAtMs: number, options: DetailOptions): GroupDetailJson {
  const lag = groupLagJson(group);
  const summary = group.pendingSummary;
  const consumers = group.consumers.map((consumer) => ({
    name: consumer.name,
    pending: consumer.pending,
    idle_ms: consumer.idleMs,
    inactive_ms: consumer.inactiveMs,
    dead_candidate: isDeadConsumerCandidate(consumer, options.deadConsumerIdleMs),
  }));
  const detail: GroupDetailJson = {
    name: group.name,
    consumer_count: group.consumerCount,
    pending: group.pending,
    pending_class: classifyPending(group.pending, options.pendingThresholds),
    ...lag,
    lag_class: classifyStreamLag(lag.lag, options.lagThresholds),
    last_delivered_id: group.lastDeliveredId,
    last_delivered_age_ms: entryAgeMs(group.lastDeliveredId === '0-0' ? null : group.lastDeliveredId, observedAtMs),
    entries_read: group.entriesRead,
    oldest_pending_id: summary?.oldestId ?? null,
    newest_pending_id: summary?.newestId ?? null,
    oldest_pending_idle_ms: summary?.oldestIdleMs ?? null,
    oldest_pending_age_ms: entryAgeMs(summary?.oldestId ?? null, observedAtMs),
    oldest_pending: group.oldestPending.map((entry) => ({ id: entry.id, consumer: entry.consumer, idle_ms: entry.idleMs, delivery_count: entry.deliveryCount })),
    consumers,
    dead_consumer_candidates: findDeadConsumerCandidates(group.consumers, options.deadConsumerIdleMs).map((consumer) => consumer.name),
    health: 'healthy',
    health_reasons: [],
  };
  const health = classifyStreamGroup(
    { lag: lag.lag < 0 ? null : lag.lag, pending: group.pending, oldestPendingAgeMs: group.pending > 0 ? detail.oldest_pending_age_ms : null, deadConsumerCount: detail.dead_consumer_candidates.length },
    { lag: options.lagThresholds, pending: options.pendingThresholds },
  );
  detail.health = health.health;
  detail.health_reasons = health.reasons;
  return group.error === undefined ? detail : { ...detail, error: group.error };
}

/** The detail of one observed stream, or null when Lagboard does not observe it. */
export function buildStreamDetail(observation: RedisObservation, streamName: string, options: DetailOptions): StreamDetailJson | null {
  const stream = observation.streams.find((candidate) => candidate.name === streamName);
  if (!stream) {
    return null;
  }
  return {
    ...streamSummaryJson(stream, observation.observedAtMs, options),
    consumer_groups: stream.groups.map((group) => groupDetailJson(group, observation.observedAtMs, options)),
    dead_consumer_idle_ms: options.deadConsumerIdleMs,
    observed_at: new Date(observation.observedAtMs).toISOString(),
  };
}

export interface GroupDetailResponseJson extends GroupDetailJson {
  stream: string;
  dead_consumer_idle_ms: number;
  observed_at: string;
}

/** One group of one observed stream; null when the stream is not observed or has no such group. */
export function buildGroupDetail(observation: RedisObservation, streamName: string, groupName: string, options: DetailOptions): GroupDetailResponseJson | null {
  const group = observation.streams.find((candidate) => candidate.name === streamName)?.groups.find((candidate) => candidate.name === groupName);
  if (!group) {
    return null;
  }
  return {
    stream: streamName,
    ...groupDetailJson(group, observation.observedAtMs, options),
    dead_consumer_idle_ms: options.deadConsumerIdleMs,
    observed_at: new Date(observation.observedAtMs).toISOString(),
  };
}
