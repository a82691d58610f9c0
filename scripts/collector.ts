// npm run collector — the history collector as its own process, for deployments with several
// dashboard instances (set COLLECTOR_MODE=external on those). Any number may run: one PostgreSQL
// advisory lock per source (Kafka cluster, Redis) lets one write each source, the collectors split
// the sources between them, and a dead one's sources move to the others within one interval.
import { createCollectorFromConfig } from '@/lib/collector/create-collector';
import { getConfig } from '@/lib/config';
import { checkConfigOrExit } from '@/lib/config-startup';
import { closeDb, getDb } from '@/lib/db';
import { closeKafkaConnections } from '@/lib/kafka';
import { describeError, log } from '@/lib/log';

function main(): void {
  checkConfigOrExit();
  const config = getConfig();
  if (!config.database.url) {
    // PGlite is one process's database: a second process on the same folder would corrupt it.
    console.error('collector: DATABASE_URL (PostgreSQL) is required; with the embedded database the dashboard collects itself (COLLECTOR_MODE=embedded)');
    process.exit(1);
  }
  const collector = createCollectorFromConfig(config, getDb);
  // The collector's timers do not hold the process open (they are unref'd for the dashboard); this does.
  const keepAlive = setInterval(() => undefined, 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('collector.stopping', { signal });
    clearInterval(keepAlive);
    await collector.stop();
    await closeKafkaConnections().catch(() => undefined);
    await closeDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  collector.start();
  log.info('collector.started', { mode: 'process', intervalMs: config.history.snapshotIntervalMs });
}

try {
  main();
} catch (error) {
  console.error(`collector: ${describeError(error)}`);
  process.exit(1);
}
