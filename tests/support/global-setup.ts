import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { resetTestDatabase } from './database';
import { testKafka3, testKafkaPort } from './test-env';

const run = promisify(execFile);

/**
 * Once per integration run: the suite's own brokers (Kafka 4 and Kafka 3) are up (started here
 * when the test command did not start them) and the suite's database is fresh and migrated.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await run('bash', [path.join(root, 'scripts', 'kafka-start.sh')], {
    env: { ...process.env, KAFKA_PORT: String(testKafkaPort) },
    timeout: 180_000,
  });
  await run('bash', [path.join(root, 'scripts', 'kafka-start.sh')], {
    env: { ...process.env, KAFKA_PORT: String(testKafka3.port), KAFKA_VERSION: testKafka3.version },
    timeout: 300_000,
  });
  await resetTestDatabase();
}
