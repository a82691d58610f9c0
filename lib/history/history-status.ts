import type { SqlClient } from './sql-client';
import { isoTime } from './trend/series-shape';

interface LatestRow {
  id: number;
  source: string;
  taken_at_ms: number;
  duration_ms: number;
}

interface LeaseRow {
  source: string;
  instance_id: string;
  host: string;
  pid: number;
  since_ms: number;
  renewed_at_ms: number;
}

const time = (timeMs: number | null | undefined) => (timeMs === null || timeMs === undefined ? null : isoTime(timeMs));

/**
 * What an operator checks first: is the collector writing, how far back does history go, what
 * failed, and which collector instance leads (writes) each source. `latest_snapshot` is the newest
 * write with the errors of each source's own newest snapshot; `sources` lists each source's newest
 * snapshot and its leader.
 */
export async function readHistoryStatus(sql: SqlClient) {
  const [bounds] = await sql.$queryRawUnsafe<{ oldest_ms: number | null; snapshot_count: number; rolled_until_ms: number | null; oldest_rollup_ms: number | null }[]>(
    `SELECT (SELECT extract(epoch FROM min("takenAt")) * 1000 FROM "HistorySnapshot")::float8 AS oldest_ms,
       (SELECT count(*) FROM "HistorySnapshot")::int AS snapshot_count,
       (SELECT extract(epoch FROM "rolledUntil") * 1000 FROM "HistoryRollupWatermark" WHERE name = 'history')::float8 AS rolled_until_ms,
       (SELECT extract(epoch FROM min("bucketStart")) * 1000 FROM "HistoryGroupRollup")::float8 AS oldest_rollup_ms`,
  );
  const latestPerSource = await sql.$queryRawUnsafe<LatestRow[]>(
    `SELECT DISTINCT ON (source) id, source, (extract(epoch FROM "takenAt") * 1000)::float8 AS taken_at_ms, "durationMs" AS duration_ms
     FROM "HistorySnapshot" ORDER BY source, "takenAt" DESC`,
  );
  const errors = latestPerSource.length === 0
    ? []
    : await sql.$queryRawUnsafe<{ snapshot_id: number; source: string; message: string }[]>(
      'SELECT "snapshotId" AS snapshot_id, source, message FROM "HistorySourceError" WHERE "snapshotId" = ANY($1::int4[]) ORDER BY source',
      latestPerSource.map((row) => row.id),
    );
  const leases = await sql.$queryRawUnsafe<LeaseRow[]>(
    `SELECT source, "instanceId" AS instance_id, host, pid, (extract(epoch FROM since) * 1000)::float8 AS since_ms,
       (extract(epoch FROM "renewedAt") * 1000)::float8 AS renewed_at_ms
     FROM "HistoryCollectorLease" ORDER BY source`,
  );
  const newest = latestPerSource.reduce<LatestRow | null>((best, row) => (best === null || row.taken_at_ms > best.taken_at_ms ? row : best), null);
  const leaseBySource = new Map(leases.map((lease) => [lease.source, lease]));
  const sourceNames = [...new Set([...latestPerSource.map((row) => row.source).filter((source) => source !== 'all'), ...leaseBySource.keys()])].sort();
  return {
    latest_snapshot: newest
      ? { taken_at: isoTime(newest.taken_at_ms), duration_ms: newest.duration_ms, source_errors: errors.map(({ source, message }) => ({ source, message })) }
      : null,
    raw: { oldest_snapshot_at: time(bounds?.oldest_ms), snapshot_count: bounds?.snapshot_count ?? 0 },
    rollups: { oldest_bucket_at: time(bounds?.oldest_rollup_ms), rolled_up_until: time(bounds?.rolled_until_ms) },
    sources: sourceNames.map((source) => {
      const latest = latestPerSource.find((row) => row.source === source);
      const lease = leaseBySource.get(source);
      return {
        source,
        latest_snapshot_at: time(latest?.taken_at_ms),
        duration_ms: latest?.duration_ms ?? null,
        error: errors.find((error) => error.snapshot_id === latest?.id)?.message ?? null,
        leader: lease
          ? { instance_id: lease.instance_id, host: lease.host, pid: lease.pid, since: isoTime(lease.since_ms), renewed_at: isoTime(lease.renewed_at_ms) }
          : null,
      };
    }),
  };
}
