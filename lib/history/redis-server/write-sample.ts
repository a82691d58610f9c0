import type { RedisServerObservation } from '@/lib/observations/redis';
import type { SqlClient } from '../sql-client';

/**
 * One Redis server sample per collector snapshot, written beside the stream-group rows. An
 * upsert on the snapshot time, so a pass retried after a failure writes the same row once.
 */
export async function writeRedisServerSample(sql: SqlClient, takenAtMs: number, server: RedisServerObservation): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO "HistoryRedisServerSample" ("takenAt", "usedMemoryBytes", "maxMemoryBytes", "connectedClients", "opsPerSecond")
     VALUES (to_timestamp($1::float8 / 1000), $2::bigint, $3::bigint, $4::int, $5::float8)
     ON CONFLICT ("takenAt") DO UPDATE SET "usedMemoryBytes" = EXCLUDED."usedMemoryBytes", "maxMemoryBytes" = EXCLUDED."maxMemoryBytes",
       "connectedClients" = EXCLUDED."connectedClients", "opsPerSecond" = EXCLUDED."opsPerSecond"`,
    takenAtMs, server.usedMemoryBytes, server.maxMemoryBytes, server.connectedClients, server.opsPerSecond,
  );
}

/** Deletes samples older than the raw retention (RETENTION_RAW); returns how many. */
export async function deleteExpiredRedisServerSamples(sql: SqlClient, olderThanMs: number): Promise<number> {
  return sql.$executeRawUnsafe(`DELETE FROM "HistoryRedisServerSample" WHERE "takenAt" < to_timestamp($1::float8 / 1000)`, olderThanMs);
}
