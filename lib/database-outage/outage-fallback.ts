import { getConfig } from '@/lib/config';
import { OutageLog } from '@/lib/history/outage-log';
import { isDatabaseUnavailable } from './is-database-unavailable';
import { VerifiedCredentials } from './verified-credentials';

/**
 * Reads the database and remembers the answer under `key`; when the database cannot be reached,
 * answers the remembered value if it is younger than DATABASE_OUTAGE_GRACE_MS, else rethrows
 * (the API turns that into 503 database_unavailable). Only for small values a request needs to
 * serve live Kafka and Redis figures (who the caller is, which teams they see), never for data
 * the response itself is about.
 */

/** Entries per process: every active user and token, with room to spare; the oldest go first. */
const maxRememberedReads = 5_000;

const holder = globalThis as typeof globalThis & {
  lagboardRememberedReads?: VerifiedCredentials<unknown>;
  lagboardDatabaseOutageLog?: OutageLog;
};

function rememberedReads(): VerifiedCredentials<unknown> {
  holder.lagboardRememberedReads ??= new VerifiedCredentials<unknown>(maxRememberedReads);
  return holder.lagboardRememberedReads;
}

function outageLog(): OutageLog {
  holder.lagboardDatabaseOutageLog ??= new OutageLog('api.database');
  return holder.lagboardDatabaseOutageLog;
}

/** Logs the start and the end of a database outage once (not once per request). */
export function noteDatabaseOutage(error: unknown): void {
  outageLog().failed(error);
}

export async function readWithOutageFallback<Value>(key: string, read: () => Promise<Value>): Promise<Value> {
  try {
    const value = await read();
    rememberedReads().remember(key, value);
    outageLog().succeeded();
    return value;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseOutage(error);
    const remembered = rememberedReads().recent(key, getConfig().databaseOutageGraceMs);
    if (remembered === null) throw error;
    return remembered as Value;
  }
}

/** A credential the database refused (revoked, expired, user disabled): never served from memory again. */
export function forgetRemembered(key: string): void {
  rememberedReads().forget(key);
}
