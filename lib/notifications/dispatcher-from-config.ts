import type { LagboardConfig } from '@/lib/config';
import type { DatabaseClient } from '@/lib/db/create-client';
import { NotificationDispatcher } from './dispatcher';

/**
 * The collector's dispatcher. It runs while this instance leads: every leader pass calls
 * `trigger`, and the loop stops on its own a few snapshot intervals after the last one.
 */
export function notificationDispatcherFromConfig(config: LagboardConfig, database: () => Promise<DatabaseClient>): NotificationDispatcher {
  const settings = config.notifications;
  return new NotificationDispatcher({
    database,
    publicBaseUrl: settings.publicBaseUrl,
    timeoutMs: settings.timeoutMs,
    policy: { maxAttempts: settings.maxAttempts, retryBaseMs: settings.retryBaseMs, retryMaxMs: settings.retryMaxMs },
    pollIntervalMs: settings.pollIntervalMs,
    channelConcurrency: settings.channelConcurrency,
    activeWindowMs: Math.max(60_000, 3 * config.history.snapshotIntervalMs),
  });
}
