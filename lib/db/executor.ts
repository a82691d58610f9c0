import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * One database session, as the migration runner needs it: parameterised queries plus
 * multi-statement scripts. Both calls must reach the same session, because transactions
 * and advisory locks belong to a session.
 */
export interface SqlExecutor {
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements; no parameters. */
  exec(script: string): Promise<void>;
}

/** A pg.Client or a client checked out of a pg.Pool (not the pool: it may switch sessions). */
export function pgExecutor(client: pg.ClientBase): SqlExecutor {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(script: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

export function pgliteExecutor(database: PGlite): SqlExecutor {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await database.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(script: string) {
      await database.exec(script);
    },
  };
}
