import pg from 'pg';
import { createDatabase, type Database } from '@/lib/db/create-client';

/** The benchmark's own PostgreSQL database, created empty (and migrated) and dropped at the end. */

const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const benchDatabaseName = process.env.BENCH_DATABASE_NAME ?? 'lagboard_bench_history';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(): Promise<Database> {
  await admin(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${benchDatabaseName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${benchDatabaseName}`;
  const database = createDatabase({ databaseUrl: url.toString() });
  await database.migrate();
  return database;
}

export async function dropScratchDatabase(database: Database): Promise<void> {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`);
}

/** Bytes of the tables (with their time partitions, indexes and TOAST) whose names are given. */
export async function relationBytes(database: Database, tables: readonly string[]): Promise<number> {
  const [row] = await database.prisma.$queryRawUnsafe<{ bytes: number }[]>(
    // A partitioned table's own size is 0: its partitions (listed by pg_partition_tree) hold the rows.
    `SELECT sum(pg_total_relation_size(relation))::float8 AS bytes FROM (
       SELECT quote_ident(name)::regclass AS relation FROM unnest($1::text[]) AS name
       UNION
       SELECT tree.relid FROM unnest($1::text[]) AS name, LATERAL pg_partition_tree(quote_ident(name)::regclass) AS tree
     ) relations`,
    [...tables],
  );
  return row?.bytes ?? 0;
}
