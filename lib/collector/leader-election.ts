import pg from 'pg';
import type { SqlClient } from '@/lib/history/sql-client';
import { describeError, log } from '@/lib/log';

/**
 * Decides which collector writes. On PostgreSQL: a session-level advisory lock held on a
 * connection of its own (not from the pool, which would hand the session to other queries and
 * could close it). PostgreSQL releases the lock when that session ends, however the holder dies,
 * so a follower trying the lock once per interval takes over within one interval.
 */
export interface LeaderElection {
  /** Keeps or tries to take the leadership; false while another collector holds it. */
  ensureLeadership(): Promise<boolean>;
  /** Inside the snapshot transaction: throws LostLeadershipError if this collector no longer leads. */
  fence(sql: SqlClient): Promise<void>;
  /** Gives the lock up (on stop), so another collector can take over at once. */
  release(): Promise<void>;
}

export class LostLeadershipError extends Error {
  constructor() {
    super('this collector no longer holds the history leader lock');
    this.name = 'LostLeadershipError';
  }
}

/** PGlite is one process with one session: nobody else can write, so it always leads. */
export const singleProcessLeadership: LeaderElection = {
  ensureLeadership: async () => true,
  fence: async () => undefined,
  release: async () => undefined,
};

/** Advisory lock key (two int4: a namespace for Lagboard, then the purpose). */
const lockNamespace = 0x4c414742; // "LAGB"
export const leaderLockId = 1;
const writerLockId = 2;

export class PostgresLeaderElection implements LeaderElection {
  private connection: { client: pg.Client; backendPid: number } | null = null;
  private leading = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly options: { connectTimeoutMs?: number; lockId?: number } = {},
  ) {}

  /** The backend pid of the lock session while leading (tests terminate it to kill a leader). */
  get leaderBackendPid(): number | null {
    return this.leading ? this.connection?.backendPid ?? null : null;
  }

  async ensureLeadership(): Promise<boolean> {
    const connection = this.connection ?? (await this.connect());
    try {
      if (this.leading) {
        // A session lock lasts as long as its session: a live connection still holds it.
        await connection.client.query('SELECT 1');
        return true;
      }
      const result = await connection.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        lockNamespace,
        this.lockId,
      ]);
      this.leading = result.rows[0]?.locked === true;
      if (this.leading) log.info('collector.leader_elected', { backendPid: connection.backendPid });
      return this.leading;
    } catch (error) {
      await this.drop(error);
      throw error;
    }
  }

  /**
   * Serialises writers (a transaction-level lock) and checks in the database that the lock session
   * is still ours: a leader whose lock connection died cannot write even if it has not noticed.
   */
  async fence(sql: SqlClient): Promise<void> {
    const backendPid = this.leaderBackendPid;
    await sql.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1, $2)', lockNamespace, writerLockId);
    const [row] = await sql.$queryRawUnsafe<{ holds: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int8::oid AND objid = $2::int8::oid
         AND objsubid = 2 AND pid = $3 AND granted) AS holds`,
      lockNamespace,
      this.lockId,
      backendPid ?? -1,
    );
    if (!row?.holds) {
      this.leading = false;
      throw new LostLeadershipError();
    }
  }

  async release(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.leading = false;
    // Ending the session releases the lock; an explicit unlock first frees it even if `end` stalls.
    await connection?.client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await connection?.client.end().catch(() => undefined);
  }

  private get lockId(): number {
    return this.options.lockId ?? leaderLockId;
  }

  private async connect(): Promise<{ client: pg.Client; backendPid: number }> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000,
      // A half-open connection (network cut) must fail the check, not hang the collector's pass.
      query_timeout: 10_000,
      keepAlive: true,
      application_name: 'lagboard-collector-lock',
    });
    // Without a listener a dropped connection would crash the process; the next pass reconnects.
    client.on('error', (error) => void this.drop(error, client));
    try {
      await client.connect();
      const result = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      this.connection = { client, backendPid: result.rows[0]?.pid ?? -1 };
      return this.connection;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async drop(error: unknown, client?: pg.Client): Promise<void> {
    const connection = this.connection;
    // An error from an older, already replaced connection says nothing about the current one.
    if (!connection || (client && connection.client !== client)) return;
    this.connection = null;
    if (this.leading) log.warn('collector.leadership_lost', { error: describeError(error) });
    this.leading = false;
    await connection.client.end().catch(() => undefined);
  }
}
