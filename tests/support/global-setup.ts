import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { resetTestDatabase } from './database';
import { testKafkaPort } from './test-env';

const run = promisify(execFile);

/**
 * Once per integration run: the suite's own broker is up (started here when the test
 * command did not start it) and the suite's database is fresh and migrated.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await run('bash', [path.join(root, 'scripts', 'kafka-start.sh')], {
    env: { ...process.env, KAFKA_PORT: String(testKafkaPort) },
    timeout: 180_000,
  });
  await resetTestDatabase();
}
