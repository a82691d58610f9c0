import type { StreamGroupPointInput } from '@/lib/history/snapshot-input';
import type { RedisObservation } from '@/lib/observations/redis';

/**
 * One row per stream consumer group. Redis's own lag when it reports one; otherwise the bounded
 * XRANGE estimate, flagged, so a NULL lag is never stored as 0; null when there is neither.
 */
export function buildStreamGroupRows(observation: RedisObservation): StreamGroupPointInput[] {
  return observation.streams.filter((stream) => stream.exists).flatMap((stream) =>
    stream.groups.map((group) => ({
      stream: stream.name,
      group: group.name,
      lag: group.lag ?? group.lagEstimate?.entries ?? null,
      lagEstimated: group.lag === null && group.lagEstimate !== null,
      pending: group.pending,
      consumerCount: group.consumerCount,
      length: stream.length,
    })),
  );
}

/** Problems that belong in the snapshot's source error for Redis (not a failure of the whole source). */
export function redisProblems(observation: RedisObservation): string[] {
  return [
    ...observation.errors.map((error) => `${error.scope}: ${error.message}`),
    ...observation.streams.filter((stream) => stream.error).map((stream) => `stream ${stream.name}: ${stream.error}`),
    ...observation.streams.flatMap((stream) => stream.groups.filter((group) => group.error).map((group) => `group ${stream.name}/${group.name}: ${group.error}`)),
  ];
}
