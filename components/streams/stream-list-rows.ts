import type { StreamLagClass } from '@/lib/analysis/stream-health';
import type { GroupLagJson } from '@/lib/events/group-lag-json';
import type { StreamsListJson } from '@/lib/events/streams-list';

/** A group's lag class, or why a stream has no group to classify. */
export type StreamListHealth = StreamLagClass | 'no groups' | 'no stream';

/** One row of the streams list: a stream with one of its groups, or a stream alone when it has none. */
export interface StreamListRow {
  key: string;
  stream: string;
  /** Null when the stream does not exist (yet). */
  length: number | null;
  newestEntryAgeMs: number | null;
  /** When the list was observed: ages are relative to it. */
  observedAtMs: number;
  group: string | null;
  lag: GroupLagJson | null;
  pending: number | null;
  consumers: number | null;
  oldestPendingAgeMs: number | null;
  deadConsumers: string[];
  health: StreamListHealth;
  /** Why the group is not healthy, in plain words (from the API's health_reasons). */
  reasons: string[];
  /** Why a stream row has no group figures (read error, no groups, not created yet). */
  note: string | null;
}

/** The lag a table sorts and exports: the count when known, else null (never -1, never 0). */
export function knownLag(lag: GroupLagJson | null): number | null {
  return lag === null || lag.lag < 0 ? null : lag.lag;
}

/** Rows of the streams list; each group's health is the API's, which counts pending entries and dead consumers too. */
export function buildStreamListRows(list: StreamsListJson): StreamListRow[] {
  return list.streams.flatMap((stream): StreamListRow[] => {
    const streamFields = { stream: stream.name, length: stream.exists ? stream.length : null, newestEntryAgeMs: stream.last_entry_age_ms, observedAtMs: Date.parse(list.observed_at) };
    if (stream.error !== undefined || !stream.exists || stream.consumer_groups.length === 0) {
      const health: StreamListHealth = stream.error !== undefined ? 'unknown' : stream.exists ? 'no groups' : 'no stream';
      const note = stream.error ?? (stream.exists ? 'no consumer groups' : 'stream does not exist (yet)');
      return [{ key: stream.name, ...streamFields, group: null, lag: null, pending: null, consumers: null, oldestPendingAgeMs: null, deadConsumers: [], health, reasons: [], note }];
    }
    return stream.consumer_groups.map((group) => ({
      key: `${stream.name}\u0000${group.name}`,
      ...streamFields,
      group: group.name,
      lag: { lag: group.lag, lag_estimated: group.lag_estimated, lag_at_least: group.lag_at_least, redis_lag: group.redis_lag },
      pending: group.pending,
      consumers: group.consumers,
      oldestPendingAgeMs: group.oldest_pending_age_ms,
      deadConsumers: group.dead_consumer_candidates,
      health: group.health,
      reasons: group.health_reasons,
      note: group.error ?? null,
    }));
  });
}
