// The Redis source as the app sees it. RedisLike stays inside lib/redis: callers pass the
// client getRedisClient returns and never name the ioredis type.
export { createRedisClient, getRedisClient, pingRedis, type RedisClientSettings } from './client';
export { observeRedisStreams, type ObserveRedisStreamsOptions } from './observe-streams';
export {
  observeGroupLag,
  type ObserveGroupLagOptions,
  type RedisGroupLag,
  type RedisGroupLagObservation,
  type RedisStreamGroupLag,
} from './observe-group-lag';
export { RedisUnavailableError, type RedisUnavailableReason } from './errors';
export {
  acknowledgeEntries,
  claimEntries,
  countEntriesAfter,
  deleteConsumer,
  readConsumerPendingIds,
  readGroupPosition,
  RedisGroupNotFoundError,
  setGroupLastDeliveredId,
  type GroupPosition,
  type StreamPosition,
} from './group-admin';
