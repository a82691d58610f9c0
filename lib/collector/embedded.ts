import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import type { Collector } from './collector';
import { createCollectorFromConfig } from './create-collector';

// On globalThis: Next's dev server may run instrumentation again after an edit, and two
// collectors in one process would only fight over the same lock.
const holder = globalThis as typeof globalThis & { lagboardCollector?: Collector };

/** Starts this process's collector when COLLECTOR_MODE is `embedded` (once per process). */
export function startEmbeddedCollector(): void {
  const config = getConfig();
  if (config.history.collectorMode !== 'embedded' || holder.lagboardCollector) return;
  holder.lagboardCollector = createCollectorFromConfig(config, getDb);
  holder.lagboardCollector.start();
  log.info('collector.started', {
    mode: 'embedded',
    intervalMs: config.history.snapshotIntervalMs,
    database: config.database.url ? 'postgresql' : 'pglite',
  });
}
