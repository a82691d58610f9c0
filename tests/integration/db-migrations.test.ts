import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from '@/lib/db/executor';
import { applyMigrations, defaultMigrationsDirectory, migrationChecksum } from '@/lib/db/migrate';
import { dropDatabase, recreateDatabase } from '../support/database';
import { testDatabaseName, uniqueName } from '../support/test-env';

/**
 * The runner against an empty database, on a real PostgreSQL and on PGlite: it must leave
 * exactly the bookkeeping `prisma migrate deploy` leaves, and refuse a history it cannot trust.
 */

const migrationNames = readdirSync(defaultMigrationsDirectory(), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Target {
  executor: SqlExecutor;
  close(): Promise<void>;
}

const scratchDatabase = `${testDatabaseName}_migrations`;
const temporaryFolders: string[] = [];
function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

const targets: Array<[string, () => Promise<Target>]> = [
  [
    'PostgreSQL',
    async () => {
      const client = new pg.Client({ connectionString: await recreateDatabase(scratchDatabase) });
      await client.connect();
      return { executor: pgExecutor(client), close: () => client.end() };
    },
  ],
  [
    'PGlite',
    async () => {
      const database = new PGlite(temporaryFolder('lagboard-pglite-'));
      return { executor: pgliteExecutor(database), close: () => database.close() };
    },
  ],
];

afterAll(async () => {
  await dropDatabase(scratchDatabase);
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

describe.each(targets)('migration runner on %s', (_label, open) => {
  let target: Target;
  beforeAll(async () => {
    target = await open();
  });
  afterAll(async () => {
    await target.close();
  });

  it('applies every migration folder to an empty database and records it as Prisma does', async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const result = await applyMigrations(target.executor);
    expect(result).toEqual({ applied: migrationNames, alreadyApplied: [], unknownToThisVersion: [] });

    const rows = await target.executor.query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      started_at: Date;
      logs: string | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>('SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = path.join(defaultMigrationsDirectory(), row.migration_name, 'migration.sql');
      expect(row.checksum).toBe(migrationChecksum(readFileSync(file)));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('creates _prisma_migrations with the definition Prisma uses', async () => {
    const columns = await target.executor.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', character_maximum_length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', character_maximum_length: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO', column_default: '0' },
    ]);
    const [primaryKey] = await target.executor.query(
      `SELECT constraint_name FROM information_schema.table_constraints
        WHERE table_name = '_prisma_migrations' AND constraint_type = 'PRIMARY KEY'`,
    );
    expect(primaryKey).toEqual({ constraint_name: '_prisma_migrations_pkey' });
  });

  it('applies nothing the second time', async () => {
    const result = await applyMigrations(target.executor);
    expect(result).toEqual({ applied: [], alreadyApplied: migrationNames, unknownToThisVersion: [] });
    const [{ count }] = (await target.executor.query<{ count: number }>('SELECT count(*)::int AS count FROM _prisma_migrations')) as [
      { count: number },
    ];
    expect(count).toBe(migrationNames.length);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const [first] = migrationNames as [string];
    const [{ checksum }] = (await target.executor.query<{ checksum: string }>(
      'SELECT checksum FROM _prisma_migrations WHERE migration_name = $1',
      [first],
    )) as [{ checksum: string }];
    await target.executor.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', ['0'.repeat(64), first]);
    try {
      await expect(applyMigrations(target.executor)).rejects.toThrow(
        new RegExp(`Migration ${first} was modified after it was applied`),
      );
    } finally {
      await target.executor.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [checksum, first]);
    }
    await expect(applyMigrations(target.executor)).resolves.toMatchObject({ applied: [] });
  });

  it('refuses to continue after a migration that started and never finished', async () => {
    await target.executor.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      ['00000000-0000-4000-8000-000000000000', 'f'.repeat(64), '29991231000000_half_applied'],
    );
    try {
      await expect(applyMigrations(target.executor)).rejects.toThrow(/29991231000000_half_applied was started but never finished/);
    } finally {
      await target.executor.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', ['29991231000000_half_applied']);
    }
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const folder = temporaryFolder('lagboard-migrations-');
    cpSync(defaultMigrationsDirectory(), folder, { recursive: true });
    const broken = `29991231000000_${uniqueName('broken').replace(/-/g, '_')}`;
    mkdirSync(path.join(folder, broken));
    writeFileSync(
      path.join(folder, broken, 'migration.sql'),
      'CREATE TABLE "ShouldNotExist" ("id" TEXT NOT NULL);\nSELECT * FROM "NoSuchTable";\n',
    );

    await expect(applyMigrations(target.executor, { migrationsDirectory: folder })).rejects.toThrow(
      new RegExp(`Migration ${broken} failed and was rolled back`),
    );
    const leftovers = await target.executor.query(
      `SELECT table_name FROM information_schema.tables WHERE table_name = 'ShouldNotExist'`,
    );
    expect(leftovers).toEqual([]);
    const recorded = await target.executor.query('SELECT 1 FROM _prisma_migrations WHERE migration_name = $1', [broken]);
    expect(recorded).toEqual([]);
    // The lock was released: the next run goes through.
    await expect(applyMigrations(target.executor)).resolves.toMatchObject({ applied: [] });
  });
});

describe('migration runner with two instances starting together (PostgreSQL)', () => {
  const database = `${testDatabaseName}_migrations_race`;
  afterAll(() => dropDatabase(database));

  it('applies each migration once: the advisory lock makes the second wait', async () => {
    const url = await recreateDatabase(database);
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const results = await Promise.all(clients.map((client) => applyMigrations(pgExecutor(client))));
      expect(results.flatMap((result) => result.applied).sort()).toEqual(migrationNames);
      expect(results.flatMap((result) => result.alreadyApplied).sort()).toEqual(migrationNames);
      const { rows } = await clients[0]!.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
      expect(rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(migrationNames);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it('gives up with a clear error when another session holds the lock too long', async () => {
    const url = await recreateDatabase(database);
    const holder = new pg.Client({ connectionString: url });
    const waiter = new pg.Client({ connectionString: url });
    await Promise.all([holder.connect(), waiter.connect()]);
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      await expect(applyMigrations(pgExecutor(waiter), { lockTimeoutMs: 600 })).rejects.toThrow(
        /Waited 600 ms for the migration lock/,
      );
      const { rows } = await waiter.query(`SELECT to_regclass('_prisma_migrations') AS table_name`);
      expect(rows).toEqual([{ table_name: null }]);
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
  });
});
