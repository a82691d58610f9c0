import { testKafkaClusters } from '../tests/support/test-env';

/** The settings of the dashboard under test: the suite's broker, Redis db and database. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const e2eAdmin = { username: 'e2e-admin', password: 'e2e-admin-password' };
// E2E_DATABASE_NAME: a separate database for a parallel run.
export const e2eDatabaseName = process.env.E2E_DATABASE_NAME ?? 'lagboard_e2e';
// E2E_OUTPUT_DIR: a separate artifacts folder (screenshots, signed-in state) for a parallel run.
export const e2eOutputDir = process.env.E2E_OUTPUT_DIR ?? 'test-results';
export const e2eStorageStatePath = `${e2eOutputDir}/.auth/admin.json`;
/** Everything the server under test prints (the bad-input spec scans it for leaks and 5xx). */
export const e2eServerLogPath = `${e2eOutputDir}/server.log`;
export const e2eStreamGroup = 'signalr-consumers';
export const e2eTopicPrefix = 'e2e';

export const e2eServerEnvironment: Record<string, string> = {
  PORT: String(e2ePort),
  // E2E_DIST_DIR: test another build folder (a parallel build) without touching .next-test.
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? '.next-test',
  KAFKA_CLUSTERS: testKafkaClusters,
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${e2eDatabaseName}`,
  NEXTAUTH_URL: e2eBaseUrl,
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  LAGBOARD_ADMIN_USER: e2eAdmin.username,
  LAGBOARD_ADMIN_PASSWORD: e2eAdmin.password,
  // Long enough that a page and the API call right after it read the same observation.
  SOURCE_CACHE_TTL_MS: '5000',
  // Every spec signs in from 127.0.0.1: the per-address lock is unit-tested, the per-user one end to end.
  SIGNIN_THROTTLE_ADDRESS_FREE_ATTEMPTS: '1000',
  // The demo's alert settings (scripts/demo.sh), so the demo scenarios fire alerts within a few snapshots.
  ALERT_FOR_SECONDS_MAX: '0',
  SLO_THRESHOLD_P95_LAG: '100',
  DEAD_CONSUMER_IDLE_MS: '15000',
  SNAPSHOT_INTERVAL_MS: '15000',
};
