import type { LagboardConfig } from '@/lib/config';
import { analysisSettingsFrom } from '@/lib/consumers/analysis-settings';
import type { DatabaseClient } from '@/lib/db/create-client';
import { notificationDispatcherFromConfig } from '@/lib/notifications/dispatcher-from-config';
import { systemClock, type Clock } from './clock';
import { Collector } from './collector';
import { PostgresLeaderElection, singleProcessLeadership } from './leader-election';
import { sourcesFromConfig } from './sources';

/** A collector for the configured sources and database (PostgreSQL elects a leader per source; PGlite leads them all). */
export function createCollectorFromConfig(config: LagboardConfig, database: () => Promise<DatabaseClient>, clock: Clock = systemClock): Collector {
  const notifications = notificationDispatcherFromConfig(config, database);
  return new Collector({
    database,
    election: config.database.url ? new PostgresLeaderElection(config.database.url) : singleProcessLeadership,
    sources: sourcesFromConfig(config),
    clock,
    intervalMs: config.history.snapshotIntervalMs,
    retentionRawMs: config.history.retentionRawMs,
    retentionRollupMs: config.history.retentionRollupMs,
    analysis: analysisSettingsFrom(config),
    // Several collectors may lead different sources on their own schedules (PostgreSQL only).
    rollupGraceMs: config.database.url ? Math.min(config.history.snapshotIntervalMs, 60_000) : 0,
    afterLeaderPass: () => notifications.trigger(),
  });
}
