import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { readHistoryStatus } from '@/lib/history/history-status';

export const dynamic = 'force-dynamic';

// GET /api/v1/history/status — the latest snapshot (and what failed in it), raw and rollup coverage,
// settings, and per source its newest snapshot and the collector instance that leads it.
export const GET = withAuth(async () => {
  const { history } = getConfig();
  return {
    collector_mode: history.collectorMode,
    snapshot_interval_ms: history.snapshotIntervalMs,
    retention_raw_ms: history.retentionRawMs,
    retention_rollup_ms: history.retentionRollupMs,
    ...(await readHistoryStatus(await getDb())),
  };
}, { resource: 'none' });
