import path from 'node:path';

/**
 * npm run bench:load: what it runs against. Own ports (Redis, PostgreSQL, Kafka, dashboard), so it
 * can run beside the test suite and the other benchmarks; traffic goes to 127.0.0.1 only.
 */
function positiveIntegerFromEnvironment(name: string, defaultValue: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return defaultValue;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: "${text}" is not a positive whole number`);
  return value;
}

export const rootDirectory = path.resolve(__dirname, '..', '..');
export const resultsDirectory = path.join(rootDirectory, 'bench', 'results');
export const distDirectory = process.env.BENCH_DIST_DIR ?? '.next-test';

export const redisPort = positiveIntegerFromEnvironment('BENCH_LOAD_REDIS_PORT', 6392);
export const postgresPort = positiveIntegerFromEnvironment('BENCH_LOAD_POSTGRES_PORT', 5442);
export const kafkaPort = positiveIntegerFromEnvironment('BENCH_LOAD_KAFKA_PORT', 20396);
export const dashboardPort = positiveIntegerFromEnvironment('BENCH_LOAD_DASHBOARD_PORT', 3303);
export const baseUrl = `http://127.0.0.1:${dashboardPort}`;
export const databaseName = 'lagboard_bench_load';
export const databaseUrl = `postgresql://postgres@127.0.0.1:${postgresPort}/${databaseName}`;
export const clusterId = 'load';
export const kafkaBrokers = [`127.0.0.1:${kafkaPort}`];

export const groupCount = positiveIntegerFromEnvironment('BENCH_LOAD_GROUPS', 2_000);
export const topicCount = 10;
export const viewerCount = positiveIntegerFromEnvironment('BENCH_LOAD_VIEWERS', 50);
export const pollEveryMs = 2_000;
export const loadDurationMs = positiveIntegerFromEnvironment('BENCH_LOAD_SECONDS', 120) * 1_000;
export const baselineDurationMs = positiveIntegerFromEnvironment('BENCH_LOAD_BASELINE_SECONDS', 30) * 1_000;
export const sourceCacheTtlMs = 5_000;
export const snapshotIntervalMs = positiveIntegerFromEnvironment('BENCH_LOAD_SNAPSHOT_INTERVAL_MS', 30_000);
/**
 * Node options of the server. V8 left alone grows its heap far beyond what is live when the
 * machine has memory to spare (the first run: 460 MB resident with one viewer, 753 MB with 50);
 * a cap on the old generation makes it collect instead. Empty: no options.
 */
export const serverNodeOptions = process.env.BENCH_LOAD_NODE_OPTIONS ?? '--max-old-space-size=256';
/** The memory goal with 2,000 groups and the collector running. */
export const rssGoalBytes = 400 * 1024 * 1024;

export const stream = { name: 'events:load', group: 'signalr-consumers', entries: 500 };
export const admin = { username: 'bench-load-admin', password: 'bench-load-admin-password' };
