import 'server-only';
import { getConfig } from '@/lib/config';
import type { Database, DatabaseClient } from '@/lib/db/create-client';
import { openDatabase } from '@/lib/db/open-database';

/**
 * The app's one database client. It lives on globalThis because Next's dev server re-runs
 * modules on every edit: a module-level variable would open a new pool (or a second PGlite
 * on the same folder) each time.
 */
const holder = globalThis as typeof globalThis & { lagboardDatabase?: Promise<Database> };

/** The client, after migrations and the admin bootstrap ran once (concurrent callers share one start). */
export function getDb(): Promise<DatabaseClient> {
  if (!holder.lagboardDatabase) {
    const opening = Promise.resolve().then(() => openDatabase(getConfig()));
    holder.lagboardDatabase = opening;
    // A failed start (database down, bad migration) must not stick: the next caller retries.
    opening.catch(() => {
      if (holder.lagboardDatabase === opening) holder.lagboardDatabase = undefined;
    });
  }
  return holder.lagboardDatabase.then((database) => database.prisma);
}

/** For scripts: lets the process exit (closes the pool, flushes and closes PGlite). */
export async function closeDb(): Promise<void> {
  const opening = holder.lagboardDatabase;
  holder.lagboardDatabase = undefined;
  const database = await opening?.catch(() => undefined);
  await database?.close();
}
