import type { FullConfig } from '@playwright/test';
import { startKafkaDemoScenarios } from '../lib/kafka/workload';
import { startRedisDemoScenarios } from '../lib/redis/workload';
import { testKafkaBrokers, testRedisUrl } from '../tests/support/test-env';
import { e2eStreamGroup, e2eTopicPrefix } from './e2e-env';

/**
 * The dashboard under test watches the same scenarios the demo runs: Kafka groups in every
 * situation and the seeds' Redis streams. Returns the teardown that stops them.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const kafka = await startKafkaDemoScenarios({ brokers: testKafkaBrokers, namePrefix: e2eTopicPrefix });
  const redis = await startRedisDemoScenarios({ redisUrl: testRedisUrl, group: e2eStreamGroup });
  return async () => {
    await Promise.allSettled([kafka.stop(), redis.stop()]);
  };
}
