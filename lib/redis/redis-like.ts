import type { Redis } from 'ioredis';

/**
 * The client the Redis source works with. Functions take it as a parameter, so the app passes
 * its cached client (client.ts) and tests and workloads pass their own.
 */
export type RedisLike = Redis;
