import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from './executor';
import { applyMigrations, type MigrationResult } from './migrate';
import { acquireFolderLock } from './folder-lock';

/**
 * Builds a Prisma client for an explicit database, without `server-only`, so scripts and
 * tests can use it. The app itself goes through lib/db.ts, which calls this once.
 */

export type DatabaseClient = PrismaClient;

/** A PostgreSQL server, or the embedded PGlite database stored in a folder. */
export type DatabaseTarget = { databaseUrl: string } | { pgliteDir: string };

export interface Database {
  readonly prisma: DatabaseClient;
  readonly kind: 'postgresql' | 'pglite';
  /** Runs `work` on one session outside Prisma (migrations need transactions and locks). */
  withExecutor<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  migrate(options?: Parameters<typeof applyMigrations>[1]): Promise<MigrationResult>;
  /** Disconnects Prisma and closes the pool or the embedded database. */
  close(): Promise<void>;
}

function createPostgresDatabase(databaseUrl: string): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle client's error (e.g. the server restarted) must not crash the process; the pool
  // replaces the client on the next query. Never log the URL: it may hold a password.
  pool.on('error', (error) => console.error(`[db] idle connection error: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const withExecutor = async <T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(pgExecutor(client));
    } finally {
      client.release();
    }
  };
  return {
    prisma,
    kind: 'postgresql',
    withExecutor,
    migrate: (options) => withExecutor((executor) => applyMigrations(executor, options)),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function createPgliteDatabase(pgliteDir: string): Database {
  const dataDir = path.resolve(pgliteDir);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireFolderLock(dataDir);
  const embedded = new PGlite(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(embedded) });
  // PGlite is a single session shared with Prisma: run executor work (migrations open
  // transactions with BEGIN) before Prisma is in use, as lib/db.ts does.
  const withExecutor = <T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> => work(pgliteExecutor(embedded));
  return {
    prisma,
    kind: 'pglite',
    withExecutor,
    migrate: (options) => withExecutor((executor) => applyMigrations(executor, options)),
    async close() {
      await prisma.$disconnect();
      if (!embedded.closed) await embedded.close();
      releaseLock();
    },
  };
}

export function createDatabase(target: DatabaseTarget): Database {
  return 'databaseUrl' in target ? createPostgresDatabase(target.databaseUrl) : createPgliteDatabase(target.pgliteDir);
}
