import path from 'node:path';

/**
 * What the dashboard benchmark runs against and how often it measures. The ports, the Redis db
 * and the database are this benchmark's own, so it can run beside the test suite and the demo.
 */

function positiveIntegerFromEnvironment(name: string, defaultValue: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return defaultValue;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name}: "${text}" is not a positive whole number`);
  }
  return value;
}

export const rootDirectory = path.resolve(__dirname, '..', '..');
export const resultsDirectory = path.join(rootDirectory, 'bench', 'results');

export interface BenchCluster {
  id: 'small' | 'large';
  kafkaPort: number;
  /** Groups made by the bench fixture; the small cluster also runs the demo workload's groups. */
  fixtureGroupCount: number;
}

export const smallCluster: BenchCluster = { id: 'small', kafkaPort: 19392, fixtureGroupCount: 100 };
export const largeCluster: BenchCluster = {
  id: 'large',
  kafkaPort: 19492,
  fixtureGroupCount: positiveIntegerFromEnvironment('BENCH_LARGE_GROUPS', 5_000),
};
export const benchClusters = [smallCluster, largeCluster] as const;

export const brokerAddress = (cluster: BenchCluster) => `127.0.0.1:${cluster.kafkaPort}`;

/** Ten topics of 24 partitions per cluster, the shape bench:kafka measures too. */
export const fixtureTopicCount = 10;
export const fixturePrefix = 'bench';

export const serverPort = 3401;
export const baseUrl = `http://127.0.0.1:${serverPort}`;
export const distDirectory = '.next-bench';
export const databaseName = 'lagboard_bench_dashboard';
export const redisUrl = 'redis://127.0.0.1:6379/13';
export const streamConsumerGroup = 'signalr-consumers';
export const admin = { username: 'bench-admin', password: 'bench-admin-password' };
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const pageRepetitions = positiveIntegerFromEnvironment('BENCH_PAGE_REPETITIONS', 7);
export const interactionRepetitions = positiveIntegerFromEnvironment('BENCH_INTERACTION_REPETITIONS', 5);
// The product's default: what the sparkline and lag-in-time columns are built from in production.
export const snapshotIntervalMs = positiveIntegerFromEnvironment('BENCH_SNAPSHOT_INTERVAL_MS', 30_000);
export const skipBuild = process.env.BENCH_SKIP_BUILD === '1';
