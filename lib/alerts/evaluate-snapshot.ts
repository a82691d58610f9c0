import { getConfig, type LagboardConfig } from '@/lib/config';
import type { DatabaseClient } from '@/lib/db/create-client';
import { OutageLog } from '@/lib/history/outage-log';
import type { SqlClient } from '@/lib/history/sql-client';
import type { AppliedTransitions } from './apply-transitions';
import { evaluateSourceAlerts } from './evaluate-source';
import { sourceName, type SourceAlertInput } from './source-input';

const outageLogs = new Map<string, OutageLog>();

function outageLog(source: string): OutageLog {
  let found = outageLogs.get(source);
  if (!found) {
    found = new OutageLog(`alerts.evaluation.${source}`);
    outageLogs.set(source, found);
  }
  return found;
}

export interface SnapshotAlertOptions {
  fence?: (sql: SqlClient) => Promise<void>;
  config?: LagboardConfig;
}

/**
 * The collector's one call after a snapshot is written: each source is evaluated on its own
 * (its own transaction), so a failure of one leaves the others' alerts right, and the snapshot
 * itself is never undone by an alert problem (the failure is logged once per outage).
 */
export async function evaluateSnapshotAlerts(
  db: DatabaseClient,
  inputs: readonly SourceAlertInput[],
  options: SnapshotAlertOptions = {},
): Promise<Map<string, AppliedTransitions | null>> {
  const config = options.config ?? getConfig();
  const results = new Map<string, AppliedTransitions | null>();
  for (const input of inputs) {
    const source = sourceName(input);
    try {
      results.set(source, await evaluateSourceAlerts(db, input, config, { fence: options.fence }));
      outageLog(source).succeeded();
    } catch (error) {
      results.set(source, null);
      outageLog(source).failed(error);
    }
  }
  return results;
}
