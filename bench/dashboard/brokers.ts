import { runCommand } from './child-process';
import type { BenchCluster } from './settings';

/**
 * The benchmark's brokers, started and stopped through the project's scripts. Storage is wiped
 * before the start, so every run measures exactly the fixture's groups and nothing older.
 */

function kafkaScript(script: 'kafka-start.sh' | 'kafka-stop.sh', cluster: BenchCluster, environment: Record<string, string> = {}): Promise<void> {
  return runCommand('bash', [`scripts/${script}`], {
    label: `kafka ${cluster.id}`,
    environment: { KAFKA_PORT: String(cluster.kafkaPort), ...environment },
  });
}

export async function startFreshBroker(cluster: BenchCluster): Promise<void> {
  await kafkaScript('kafka-stop.sh', cluster, { KAFKA_WIPE_DATA: '1' });
  await kafkaScript('kafka-start.sh', cluster);
}

/** Stops the broker and deletes its storage (thousands of groups nobody needs afterwards). */
export function stopBroker(cluster: BenchCluster): Promise<void> {
  return kafkaScript('kafka-stop.sh', cluster, { KAFKA_WIPE_DATA: '1' });
}
