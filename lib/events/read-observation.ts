import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import type { RedisObservation } from '@/lib/observations/redis';
import { RedisUnavailableError, type RedisGroupLagObservation } from '@/lib/redis';
import { getRedisGroupLagObservation, getRedisObservation } from '@/lib/sources/redis';
import type { DetailOptions } from './stream-detail';

/** The one message a client sees when Redis is down: no address, no URL, no stack. */
export const redisUnavailableMessage = 'Cannot connect to Redis';

/** The read's result, or null when Redis cannot be reached (logged with its reason only). */
async function orNullWhenUnavailable<Value>(read: () => Promise<Value>): Promise<Value | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      log.warn('events.redis_unavailable', { reason: error.reason });
      return null;
    }
    throw error;
  }
}

async function orServiceUnavailable<Value>(read: () => Promise<Value>): Promise<Value> {
  const value = await orNullWhenUnavailable(read);
  if (value === null) {
    throw new ApiError(503, 'source_unavailable', redisUnavailableMessage);
  }
  return value;
}

/** The cached full observation, or a 503 `source_unavailable` error. */
export function readObservation(): Promise<RedisObservation> {
  return orServiceUnavailable(getRedisObservation);
}

/** The cached lag observation of one group with its consumer names, or a 503. */
export function readGroupLagObservation(consumerGroup: string): Promise<RedisGroupLagObservation> {
  return orServiceUnavailable(() => getRedisGroupLagObservation(consumerGroup, true));
}

/** The cached lag observation of one group without consumer names, or null when Redis is down. */
export function readGroupLagObservationOrNull(consumerGroup: string): Promise<RedisGroupLagObservation | null> {
  return orNullWhenUnavailable(() => getRedisGroupLagObservation(consumerGroup, false));
}

export function detailOptionsFromConfig(deadConsumerIdleMs?: number): DetailOptions {
  const config = getConfig();
  return {
    deadConsumerIdleMs: deadConsumerIdleMs ?? config.streamMonitoring.deadConsumerIdleMs,
    lagThresholds: { degraded: config.thresholds.streamLagDegraded, unhealthy: config.thresholds.streamLagUnhealthy },
    pendingThresholds: { warning: config.streamMonitoring.pendingWarning, critical: config.streamMonitoring.pendingCritical },
  };
}
