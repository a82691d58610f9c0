import pg from 'pg';
import { clusterId, databaseUrl, fixture } from './settings';

/**
 * Snapshot times read straight from the history tables: all snapshots, and per source the
 * snapshots that hold that source's rows (Kafka group points of the suite's cluster, Redis
 * stream-group points), so the checks hold whether one lock or one lock per source decides
 * who writes.
 */
export interface SnapshotTimes {
  all: number[];
  /** Each snapshot's recorded pass duration (observe and analyse), by its time. */
  durationMs: Map<number, number>;
  kafka: number[];
  redis: number[];
}

export async function readSnapshotTimes(sinceMs = 0): Promise<SnapshotTimes> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const times = async (sql: string, parameters: unknown[]) =>
      (await client.query<{ taken_at: Date }>(sql, parameters)).rows.map((row) => row.taken_at.getTime());
    const since = new Date(sinceMs);
    // Snapshots are per source (one leader per Kafka cluster and one for Redis, possibly on different
    // collectors with their own cadence), so spacing is judged per source: here the Kafka cluster's.
    const rows = (await client.query<{ taken_at: Date; duration_ms: number }>(
      'SELECT "takenAt" AS taken_at, "durationMs" AS duration_ms FROM "HistorySnapshot" WHERE source = $1 AND "takenAt" >= $2 ORDER BY "takenAt"',
      [`kafka:${clusterId}`, since],
    )).rows;
    const all = rows.map((row) => row.taken_at.getTime());
    const durationMs = new Map(rows.map((row) => [row.taken_at.getTime(), row.duration_ms]));
    const kafka = await times(
      `SELECT DISTINCT p."takenAt" AS taken_at FROM "HistoryGroupSample" p
         JOIN "HistoryKafkaGroup" g ON g.id = p."groupRef"
        WHERE g."clusterId" = $1 AND g."groupId" = $2 AND p."takenAt" >= $3 ORDER BY 1`,
      [clusterId, fixture.group, since],
    );
    const redis = await times(
      `SELECT DISTINCT p."takenAt" AS taken_at FROM "HistoryStreamGroupSample" p
         JOIN "HistoryStreamGroup" g ON g.id = p."streamGroupRef"
        WHERE g.stream = $1 AND g."groupName" = $2 AND p."takenAt" >= $3 ORDER BY 1`,
      [fixture.stream, fixture.streamGroup, since],
    );
    return { all, durationMs, kafka, redis };
  } finally {
    await client.end();
  }
}
