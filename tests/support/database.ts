import pg from 'pg';
import { pgExecutor } from '@/lib/db/executor';
import { applyMigrations, type MigrationResult } from '@/lib/db/migrate';
import { testDatabaseAdminUrl, testDatabaseName, testDatabaseUrl } from './test-env';

/**
 * The suite's PostgreSQL databases: `testDatabaseName`, dropped and re-created once per run
 * by the global setup, and scratch databases that a test file creates for itself (for
 * example to watch migrations run on an empty database).
 */

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The admin URL pointed at another database on the same server. */
export function databaseUrlFor(databaseName: string): string {
  const url = new URL(testDatabaseAdminUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseName: string): Promise<void> {
  // FORCE ends sessions a crashed earlier run may have left behind.
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`));
}

/** Drops the database if it exists and creates it empty; returns its URL. */
export async function recreateDatabase(databaseName: string): Promise<string> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
  });
  return databaseUrlFor(databaseName);
}

export async function migrateDatabase(databaseUrl: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await applyMigrations(pgExecutor(client));
  } finally {
    await client.end();
  }
}

/** For the global setup: a fresh, fully migrated `testDatabaseName`. Returns its URL. */
export async function resetTestDatabase(): Promise<string> {
  await recreateDatabase(testDatabaseName);
  await migrateDatabase(testDatabaseUrl);
  return testDatabaseUrl;
}

/**
 * For a test file that needs the shared database: creates and migrates it when the global
 * setup has not (a file run on its own), and otherwise leaves its data alone.
 */
export async function prepareTestDatabase(): Promise<string> {
  const exists = await withAdminClient(async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [testDatabaseName]);
    return (result.rowCount ?? 0) > 0;
  });
  if (!exists) {
    return resetTestDatabase();
  }
  await migrateDatabase(testDatabaseUrl);
  return testDatabaseUrl;
}
