import type { LagboardConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { bootstrapAdmin } from './bootstrap-admin';
import { createDatabase, type Database } from './create-client';

/**
 * Everything a process does before its first query: connect (PostgreSQL when a URL is
 * configured, else the embedded PGlite folder), apply pending migrations, create the
 * configured admin. Returns a database ready for use; closes it again if a step fails.
 */
export async function openDatabase(config: Pick<LagboardConfig, 'database' | 'auth'>): Promise<Database> {
  const database = createDatabase(
    config.database.url ? { databaseUrl: config.database.url } : { pgliteDir: config.database.embeddedDataDir },
  );
  try {
    const migrations = await database.migrate();
    if (migrations.applied.length > 0) {
      log.info('db.migrations_applied', { database: database.kind, migrations: migrations.applied });
    }
    if (migrations.unknownToThisVersion.length > 0) {
      log.warn('db.newer_migrations_present', { migrations: migrations.unknownToThisVersion });
    }
    if ((await bootstrapAdmin(database.prisma, config.auth)) === 'created') {
      log.info('auth.admin_created', { username: config.auth.adminUser });
    }
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
