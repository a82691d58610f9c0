import { testDatabaseUrl, testKafkaClusters, testRedisUrl } from './test-env';

// Route handlers and sources read getConfig(); in integration tests it points at the
// suite's own broker, Redis db and database. Set before any test module is imported.
process.env.KAFKA_CLUSTERS = testKafkaClusters;
process.env.REDIS_URL = testRedisUrl;
process.env.DATABASE_URL = testDatabaseUrl;
process.env.NEXTAUTH_SECRET = 'integration-only-secret-0123456789abcdef';
process.env.SOURCE_CACHE_TTL_MS ??= '0';
