import path from 'node:path';

/**
 * The fault suite's own ports: it starts and stops its own Redis, PostgreSQL, Kafka broker and
 * dashboard, so stopping them never touches the shared servers or the other test steps.
 */
function portFromEnvironment(name: string, defaultValue: number): number {
  const text = process.env[name];
  if (!text) return defaultValue;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name}: "${text}" is not a port`);
  return port;
}

export const rootDirectory = path.resolve(__dirname, '..', '..');
export const redisPort = portFromEnvironment('FAULTS_REDIS_PORT', 6391);
export const postgresPort = portFromEnvironment('FAULTS_POSTGRES_PORT', 5441);
export const kafkaPort = portFromEnvironment('FAULTS_KAFKA_PORT', 20392);
export const dashboardPort = portFromEnvironment('FAULTS_DASHBOARD_PORT', 3302);
export const distDirectory = process.env.E2E_DIST_DIR ?? '.next-test';
export const reportFile = process.env.FAULTS_REPORT_FILE ?? path.join(rootDirectory, '.test-reports', 'faults-results.json');

export const snapshotIntervalMs = 2_000;
export const sourceCacheTtlMs = 1_000;
export const clusterId = 'faults';
export const baseUrl = `http://127.0.0.1:${dashboardPort}`;
export const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
export const databaseName = 'lagboard_faults';
export const databaseUrl = `postgresql://postgres@127.0.0.1:${postgresPort}/${databaseName}`;
export const kafkaBrokers = [`127.0.0.1:${kafkaPort}`];

export const fixture = {
  topic: 'faults-orders',
  partitions: 3,
  messages: 300,
  group: 'faults-billing',
  stream: 'events:faults',
  streamGroup: 'signalr-consumers',
};
export const viewer = { username: 'faults-viewer', password: 'faults-viewer-password' };
export const admin = { username: 'faults-admin', password: 'faults-admin-password' };
