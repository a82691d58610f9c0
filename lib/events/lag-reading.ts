import type { RedisLagEstimate } from '@/lib/observations/redis';

/**
 * What the lag endpoints need of a stream and a group. Both the full observation
 * (observeRedisStreams) and the one-group lag observation (observeGroupLag) have this shape.
 */
export interface GroupLagView {
  name: string;
  pending: number;
  lag: number | null;
  lagEstimate: RedisLagEstimate | null;
  consumers: ReadonlyArray<{ name: string }>;
  error?: string;
}

export interface StreamLagView {
  name: string;
  exists: boolean;
  groups: readonly GroupLagView[];
  error?: string;
}

export interface LagObservationView {
  observedAtMs: number;
  streams: readonly StreamLagView[];
}

/**
 * The lag of one group as a number the seed's shape can carry, and how it was obtained:
 * what Redis reported (XINFO GROUPS `lag`), or, when Redis reports nil (XDEL after the group's
 * position, SETID without ENTRIESREAD, Redis before 7), the entries after the group's
 * last-delivered ID counted with XRANGE. That count is exact unless it stopped at its limit
 * (`atLeast`). Null when neither is available: never 0.
 */
export interface GroupLag {
  lag: number;
  estimated: boolean;
  atLeast: boolean;
}

export function groupLag(group: Pick<GroupLagView, 'lag' | 'lagEstimate'>): GroupLag | null {
  if (group.lag !== null) {
    return { lag: group.lag, estimated: false, atLeast: false };
  }
  if (group.lagEstimate) {
    return { lag: group.lagEstimate.entries, estimated: true, atLeast: group.lagEstimate.atLeast };
  }
  return null;
}

/** What one stream says about one consumer group. */
export type StreamGroupReading =
  | { state: 'stream_error'; error: string }
  | { state: 'stream_missing' }
  | { state: 'group_missing' }
  | { state: 'lag_unknown'; group: GroupLagView; error: string }
  | { state: 'measured'; group: GroupLagView; lag: GroupLag };

export function readStreamGroup(stream: StreamLagView, groupName: string): StreamGroupReading {
  if (stream.error !== undefined) {
    return { state: 'stream_error', error: stream.error };
  }
  if (!stream.exists) {
    return { state: 'stream_missing' };
  }
  const group = stream.groups.find((candidate) => candidate.name === groupName);
  if (!group) {
    return { state: 'group_missing' };
  }
  const lag = groupLag(group);
  if (!lag) {
    const cause = group.error ? ` (${group.error})` : '';
    return { state: 'lag_unknown', group, error: `lag unknown: Redis reports no lag and the entries could not be counted${cause}` };
  }
  return { state: 'measured', group, lag };
}

/**
 * The lag the seed's health check and Prometheus use: a missing stream or group counts as 0
 * (the seed's NOGROUP rule), a failed read as null (unhealthy, left out of the sums).
 */
export function healthLag(reading: StreamGroupReading): number | null {
  switch (reading.state) {
    case 'measured':
      return reading.lag.lag;
    case 'stream_missing':
    case 'group_missing':
      return 0;
    default:
      return null;
  }
}
