import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlExecutor } from './executor';

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's schema
 * engine (a native binary we cannot ship): same folder layout, same `_prisma_migrations`
 * table and checksums, so either tool can take over from the other.
 */

// Prisma's own advisory lock key: this runner and `prisma migrate deploy` also exclude each other.
const migrationLockKey = 72707369;
const lockPollIntervalMs = 250;

// The table exactly as Prisma's schema engine creates it on PostgreSQL.
const createMigrationsTableSql = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  /** The folder name, e.g. `20251125141500_init`; folders apply in name order. */
  name: string;
  script: string;
  /** SHA-256 hex of migration.sql's bytes, as Prisma records it. */
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
  /** Recorded in the database but absent here: written by a newer version of the app. */
  unknownToThisVersion: string[];
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

interface RecordedMigration extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export function defaultMigrationsDirectory(): string {
  return path.join(process.cwd(), 'prisma', 'migrations');
}

export function migrationChecksum(script: string | Buffer): string {
  return createHash('sha256').update(script).digest('hex');
}

// The turbopackIgnore comments keep Next's file tracing from copying the whole project into
// the server output because of these run-time paths; the app reads prisma/migrations from
// its working directory.
export function readMigrations(directory: string = defaultMigrationsDirectory()): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ directory)) {
    throw new MigrationError(`No migrations folder at ${directory}`);
  }
  return readdirSync(/*turbopackIgnore: true*/ directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(directory, name, 'migration.sql');
      if (!existsSync(/*turbopackIgnore: true*/ file)) {
        throw new MigrationError(`Migration folder ${name} has no migration.sql`);
      }
      const bytes = readFileSync(/*turbopackIgnore: true*/ file);
      return { name, script: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    });
}

/** Like Prisma, accept a file whose line endings git converted after it was applied. */
function matchesRecordedChecksum(migration: Migration, recordedChecksum: string): boolean {
  return [
    migration.checksum,
    migrationChecksum(migration.script.replace(/\r\n/g, '\n')),
    migrationChecksum(migration.script.replace(/\r?\n/g, '\r\n')),
  ].includes(recordedChecksum);
}

function checkHistory(migrations: Migration[], recorded: RecordedMigration[]): void {
  const failed = recorded.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} was started but never finished (see _prisma_migrations.logs). ` +
        'Repair the database, then mark it with `prisma migrate resolve --applied` or `--rolled-back`.',
    );
  }
  for (const migration of migrations) {
    const row = recorded.find((candidate) => candidate.migration_name === migration.name && candidate.rolled_back_at === null);
    if (row && !matchesRecordedChecksum(migration, row.checksum)) {
      throw new MigrationError(
        `Migration ${migration.name} was modified after it was applied: the database recorded checksum ` +
          `${row.checksum}, migration.sql now hashes to ${migration.checksum}. Applied migrations are ` +
          'append-only: restore the file and put the change in a new migration.',
      );
    }
  }
}

// A script with its own BEGIN/COMMIT (Prisma writes one for some enum changes) commits early;
// if it then fails, its row stays unfinished and the next run refuses, as Prisma's would.
async function applyOne(executor: SqlExecutor, migration: Migration): Promise<void> {
  const id = randomUUID();
  await executor.exec('BEGIN');
  try {
    await executor.query(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    );
    await executor.exec(migration.script);
    await executor.query(
      'UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
      [id],
    );
    await executor.exec('COMMIT');
  } catch (error) {
    await executor.exec('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Polls rather than blocking in pg_advisory_lock, so that a lock held by a stuck session ends
 * in a clear error instead of a server that hangs at startup.
 */
async function acquireMigrationLock(executor: SqlExecutor, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await executor.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [migrationLockKey]);
    if (row?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Waited ${timeoutMs} ms for the migration lock (advisory lock ${migrationLockKey}): another process is ` +
          'migrating this database, or a stale session still holds the lock (see pg_locks).',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, lockPollIntervalMs));
  }
}

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory
 * lock so that instances starting together apply each migration once. Refuses to run when a
 * recorded migration failed or its file changed since.
 */
export async function applyMigrations(
  executor: SqlExecutor,
  options: { migrationsDirectory?: string; lockTimeoutMs?: number } = {},
): Promise<MigrationResult> {
  const migrations = readMigrations(options.migrationsDirectory);
  await acquireMigrationLock(executor, options.lockTimeoutMs ?? 120_000);
  let succeeded = false;
  try {
    await executor.exec(createMigrationsTableSql);
    const recorded = await executor.query<RecordedMigration>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
    );
    checkHistory(migrations, recorded);
    const isRecorded = (name: string) => recorded.some((row) => row.migration_name === name && row.rolled_back_at === null);
    const result: MigrationResult = {
      applied: [],
      alreadyApplied: migrations.filter((migration) => isRecorded(migration.name)).map((migration) => migration.name),
      unknownToThisVersion: [...new Set(recorded.map((row) => row.migration_name))].filter(
        (name) => !migrations.some((migration) => migration.name === name),
      ),
    };
    for (const migration of migrations.filter((candidate) => !isRecorded(candidate.name))) {
      await applyOne(executor, migration);
      result.applied.push(migration.name);
    }
    succeeded = true;
    return result;
  } finally {
    // A lost connection releases the lock by itself; do not hide the first error behind this one.
    await executor.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch((error: unknown) => {
      if (succeeded) throw error;
    });
  }
}
