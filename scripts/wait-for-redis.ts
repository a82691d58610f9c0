// Exit 0 when Redis at REDIS_URL answers PING within a few seconds, 1 otherwise.
import { pingRedisUrl } from '@/lib/redis/workload';

pingRedisUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 3_000)
  .then((reachable) => process.exit(reachable ? 0 : 1))
  .catch(() => process.exit(1));
