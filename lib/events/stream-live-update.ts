import type { PendingClass, StreamLagClass } from '@/lib/analysis';
import type { GroupLagJson } from './group-lag-json';
import type { GroupDetailJson, StreamDetailJson } from './stream-detail';

export interface LiveConsumerJson {
  name: string;
  pending: number;
  idle_ms: number;
}

/** A group in one live update: lag keeps the stream API's fields (-1 with flags, never 0 for unknown). */
export interface LiveGroupJson extends GroupLagJson {
  name: string;
  lag_class: StreamLagClass;
  pending: number;
  pending_class: PendingClass;
  /** Since the oldest pending entry was added, from its ID. */
  oldest_pending_age_ms: number | null;
  /** Since the oldest pending entry was last delivered. */
  oldest_pending_idle_ms: number | null;
  consumers: LiveConsumerJson[];
  error?: string;
}

/** One event of GET /api/v1/events/streams/{stream}/live. */
export interface StreamLiveUpdateJson {
  stream: string;
  exists: boolean;
  length: number;
  groups: LiveGroupJson[];
  observed_at: string;
  error?: string;
}

function liveGroupJson(group: GroupDetailJson): LiveGroupJson {
  const live: LiveGroupJson = {
    name: group.name,
    lag: group.lag,
    lag_estimated: group.lag_estimated,
    lag_at_least: group.lag_at_least,
    redis_lag: group.redis_lag,
    lag_class: group.lag_class,
    pending: group.pending,
    pending_class: group.pending_class,
    oldest_pending_age_ms: group.oldest_pending_age_ms,
    oldest_pending_idle_ms: group.oldest_pending_idle_ms,
    consumers: group.consumers.map((consumer) => ({ name: consumer.name, pending: consumer.pending, idle_ms: consumer.idle_ms })),
  };
  return group.error === undefined ? live : { ...live, error: group.error };
}

/**
 * The figures a stream page refreshes live, taken from the stream detail so both always agree:
 * only what changes between updates, to keep each event small.
 */
export function buildStreamLiveUpdate(detail: StreamDetailJson): StreamLiveUpdateJson {
  const update: StreamLiveUpdateJson = {
    stream: detail.name,
    exists: detail.exists,
    length: detail.length,
    groups: detail.consumer_groups.map(liveGroupJson),
    observed_at: detail.observed_at,
  };
  return detail.error === undefined ? update : { ...update, error: detail.error };
}
