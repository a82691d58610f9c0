import { describeError, log } from '@/lib/log';
import { isDatabaseReachable } from '@/lib/database-outage/database-reachability';

async function reachable(): Promise<boolean> {
  try {
    return await isDatabaseReachable();
  } catch (error) {
    // Not an outage (a bug or a bad query): the pages that need the database will say so.
    log.warn('database.probe_failed', { error: describeError(error) });
    return true;
  }
}

/** On every dashboard page while the database is down: live figures remain, history does not. */
export async function DatabaseBanner() {
  if (await reachable()) return null;
  return (
    <div role="alert" className="banner" data-testid="database-banner">
      The database is unavailable: history, trends, teams, tokens and settings cannot be read or changed. Live Kafka and Redis figures are still shown.
    </div>
  );
}
