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
    const rows = (await client.query<{ taken_at: Date; duration_ms: number }>('SELECT "takenAt" AS taken_at, "durationMs" AS duration_ms FROM "HistorySnapshot" WHERE "takenAt" >= $1 ORDER BY "takenAt"', [since])).rows;
    const all = rows.map((row) => row.taken_at.getTime());
    const durationMs = new Map(rows.map((row) => [row.taken_at.getTime(), row.duration_ms]));
    const kafka = await times(
      `SELECT DISTINCT s."takenAt" AS taken_at FROM "HistorySnapshot" s
         JOIN "HistoryGroupPoint" p ON p."snapshotId" = s.id
         JOIN "HistoryKafkaGroup" g ON g.id = p."groupRef"
        WHERE g."clusterId" = $1 AND g."groupId" = $2 AND s."takenAt" >= $3 ORDER BY 1`,
      [clusterId, fixture.group, since],
    );
    const redis = await times(
      `SELECT DISTINCT s."takenAt" AS taken_at FROM "HistorySnapshot" s
         JOIN "HistoryStreamGroupPoint" p ON p."snapshotId" = s.id
         JOIN "HistoryStreamGroup" g ON g.id = p."streamGroupRef"
        WHERE g.stream = $1 AND g."groupName" = $2 AND s."takenAt" >= $3 ORDER BY 1`,
      [fixture.stream, fixture.streamGroup, since],
    );
    return { all, durationMs, kafka, redis };
  } finally {
    await client.end();
  }
}
