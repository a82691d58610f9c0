import { randomBytes } from 'node:crypto';

/**
 * Where the integration and e2e tests find their real services. The suite owns these:
 * a broker on its own port (started by scripts/kafka-start.sh), Redis db 9, and a
 * PostgreSQL database it drops and re-creates, so no test depends on an earlier run.
 */
export const testKafkaPort = Number(process.env.TEST_KAFKA_PORT ?? 19092);
export const testKafkaBrokers = [`127.0.0.1:${testKafkaPort}`];
export const testKafkaClusters = `test=${testKafkaBrokers.join(',')}`;
/** A Kafka 3.x broker beside it: what many production clusters still run (protocol versions differ). */
export const testKafka3 = { version: process.env.TEST_KAFKA3_VERSION ?? '3.9.1', port: Number(process.env.TEST_KAFKA3_PORT ?? 19096) };
export const testKafka3Brokers = [`127.0.0.1:${testKafka3.port}`];
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
export const testDatabaseName = process.env.TEST_DATABASE_NAME ?? 'lagboard_test';
export const testDatabaseAdminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/${testDatabaseName}`;

/** A name no earlier run used: topics, groups and streams are never shared between tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
