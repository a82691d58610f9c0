import 'server-only';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { getDb } from '@/lib/db';
import { isDatabaseUnavailable } from './is-database-unavailable';
import { noteDatabaseOutage } from './outage-fallback';

/** Often enough for the banner to appear within one page refresh; one probe per TTL for all viewers. */
const probeTtlMs = 2_000;
const probeTimeoutMs = 3_000;

const holder = globalThis as typeof globalThis & { lagboardDatabaseProbe?: TtlCache<boolean> };

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database probe timed out'), { code: 'ETIMEDOUT' })), probeTimeoutMs);
  });
  try {
    const prisma = await Promise.race([getDb(), timeout]);
    await Promise.race([prisma.$queryRawUnsafe('SELECT 1'), timeout]);
    return true;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseOutage(error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** For the dashboard's banner: false while the database cannot be reached. */
export function isDatabaseReachable(): Promise<boolean> {
  holder.lagboardDatabaseProbe ??= new TtlCache<boolean>(probeTtlMs);
  return holder.lagboardDatabaseProbe.get('database', probe);
}
