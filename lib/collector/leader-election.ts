import pg from 'pg';
import type { SqlClient } from '@/lib/history/sql-client';
import { describeError, log } from '@/lib/log';

/**
 * Decides which collector writes each source (`kafka:<cluster id>`, `redis`). On PostgreSQL: one
 * session-level advisory lock per source, all held on one connection of its own (not from the
 * pool, which would hand the session to other queries and could close it), plus one presence
 * lock per collector, so every collector can count the live ones in pg_locks. Each takes at most
 * its share (sources / live collectors, rounded up) of the free sources and gives up what exceeds
 * it, so several instances split the work. PostgreSQL releases a session's locks when it ends,
 * however the holder dies, so the others, trying the free locks once per interval, take its
 * sources over within one interval.
 */
export interface LeaderElection {
  /** Keeps or takes this collector's share of `sources`; returns the ones it leads for this pass. */
  elect(sources: readonly string[]): Promise<Set<string>>;
  /** Inside the source's snapshot transaction: throws LostLeadershipError if this collector no longer leads it. */
  fence(source: string, sql: SqlClient): Promise<void>;
  /** Gives every lock up (on stop), so other collectors can take over at once. */
  release(): Promise<void>;
}

export class LostLeadershipError extends Error {
  constructor(source: string) {
    super(`this collector no longer holds the leader lock of ${source}`);
    this.name = 'LostLeadershipError';
  }
}

/** PGlite is one process with one session: nobody else can write, so it leads every source. */
export const singleProcessLeadership: LeaderElection = {
  elect: async (sources) => new Set(sources),
  fence: async () => undefined,
  release: async () => undefined,
};

/** Advisory lock keys are two int4: a namespace, then the source's hash. */
const sourceLockNamespace = 0x4c414753; // "LAGS": held for as long as a collector leads the source
const writerLockNamespace = 0x4c414757; // "LAGW": taken per write transaction, serialises writers of a source
const presenceLockNamespace = 0x4c414750; // "LAGP": one per live collector, counted to share the sources

/** FNV-1a of the source name as a signed int4: a stable lock key per source. */
export function sourceLockKey(source: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(source, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class PostgresLeaderElection implements LeaderElection {
  private connection: { client: pg.Client; backendPid: number } | null = null;
  private readonly leading = new Set<string>();
  private checkedAtPass: Promise<void> | null = null;
  /** This collector's presence lock key: random, so two collectors never share it. */
  private readonly presenceKey = (Math.random() * 2 ** 31) | 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly options: { connectTimeoutMs?: number } = {},
  ) {}

  /** The backend pid of the lock session while leading a source (tests terminate it to kill a leader). */
  get leaderBackendPid(): number | null {
    return this.leading.size > 0 ? this.connection?.backendPid ?? null : null;
  }

  /** The sources this collector leads now. */
  get ledSources(): string[] {
    return [...this.leading].sort();
  }

  async elect(sources: readonly string[]): Promise<Set<string>> {
    const connection = this.connection ?? (await this.connect());
    try {
      const [row] = (await connection.client.query<{ collectors: number }>(
        `SELECT count(*)::int AS collectors FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ($1::int8 & 4294967295)::oid
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [presenceLockNamespace],
      )).rows;
      const share = Math.ceil(sources.length / Math.max(1, row?.collectors ?? 1));
      // Over its share (another collector started): give up the excess for the others to take.
      const held = sources.filter((source) => this.leading.has(source));
      for (const source of held.slice(share)) {
        await connection.client.query('SELECT pg_advisory_unlock($1, $2)', [sourceLockNamespace, sourceLockKey(source)]);
        this.leading.delete(source);
        log.info('collector.source_released', { source, share });
      }
      // Each collector starts looking at another place in the list, so they do not all race for the first source.
      const offset = sources.length === 0 ? 0 : Math.abs(this.presenceKey) % sources.length;
      const ordered = [...sources.slice(offset), ...sources.slice(0, offset)];
      for (const source of ordered) {
        if (this.leading.has(source)) await this.ensureLeadership(source);
        else if (sources.filter((candidate) => this.leading.has(candidate)).length < share) await this.ensureLeadership(source);
      }
      return new Set(sources.filter((source) => this.leading.has(source)));
    } catch (error) {
      await this.drop(error);
      throw error;
    }
  }

  /** Keeps or tries to take the leadership of one source; false while another collector holds it. */
  async ensureLeadership(source: string): Promise<boolean> {
    const connection = this.connection ?? (await this.connect());
    try {
      if (this.leading.has(source)) {
        // A session lock lasts as long as its session: a live connection still holds it.
        this.checkedAtPass ??= connection.client.query('SELECT 1').then(() => undefined).finally(() => {
          this.checkedAtPass = null;
        });
        await this.checkedAtPass;
        return true;
      }
      const result = await connection.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        sourceLockNamespace,
        sourceLockKey(source),
      ]);
      const locked = result.rows[0]?.locked === true;
      if (locked) {
        this.leading.add(source);
        log.info('collector.leader_elected', { source, backendPid: connection.backendPid });
      }
      return locked;
    } catch (error) {
      await this.drop(error);
      throw error;
    }
  }

  /**
   * Serialises writers of the source (a transaction-level lock) and checks in the database that
   * its lock session is still ours: a leader whose lock connection died cannot write even if it
   * has not noticed.
   */
  async fence(source: string, sql: SqlClient): Promise<void> {
    const backendPid = this.leading.has(source) ? this.connection?.backendPid ?? -1 : -1;
    const key = sourceLockKey(source);
    await sql.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1, $2)', writerLockNamespace, key);
    const [row] = await sql.$queryRawUnsafe<{ holds: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ($1::int8 & 4294967295)::oid
         AND objid = ($2::int8 & 4294967295)::oid AND objsubid = 2 AND pid = $3 AND granted) AS holds`,
      sourceLockNamespace,
      key,
      backendPid,
    );
    if (!row?.holds) {
      this.leading.delete(source);
      throw new LostLeadershipError(source);
    }
  }

  async release(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.leading.clear();
    // Ending the session releases the locks; an explicit unlock first frees them even if `end` stalls.
    await connection?.client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await connection?.client.end().catch(() => undefined);
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
      await client.query('SELECT pg_advisory_lock($1, $2)', [presenceLockNamespace, this.presenceKey]);
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
    if (this.leading.size > 0) log.warn('collector.leadership_lost', { sources: [...this.leading], error: describeError(error) });
    this.leading.clear();
    await connection.client.end().catch(() => undefined);
  }
}
