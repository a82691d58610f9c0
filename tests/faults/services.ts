import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { runCommand, signalGroup, startProcess, type Started } from './processes';

/**
 * The suite's own Redis, PostgreSQL cluster and Kafka broker, each on its own port with its own
 * storage, so they can be stopped and restarted without touching the shared servers.
 */

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

export class RedisServer {
  private readonly directory = mkdtempSync(path.join(os.tmpdir(), 'lagboard-faults-redis-'));
  private process: Started | null = null;

  constructor(private readonly redisPort: number) {}

  async start(): Promise<void> {
    this.process = startProcess(
      'redis-server',
      ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--dir', this.directory, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'],
      {},
      path.join(this.directory, 'redis.log'),
    );
    await waitFor('redis-server', async () => (await runCommand('redis-cli', ['-p', String(this.redisPort), 'PING'])).trim() === 'PONG', 20_000);
  }

  /** A hard stop (SIGKILL): like a crashed or unplugged Redis, nothing is saved. */
  async stop(): Promise<void> {
    if (this.process) await signalGroup(this.process.child, 'SIGKILL');
    this.process = null;
  }

  cli(...command: string[]): Promise<string> {
    return runCommand('redis-cli', ['-p', String(this.redisPort), ...command]);
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` OS user. */
function asDatabaseUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export class PostgresCluster {
  private readonly directory = mkdtempSync(path.join(os.tmpdir(), 'lagboard-faults-pg-'));
  private readonly dataDirectory = path.join(this.directory, 'data');

  constructor(
    private readonly postgresPort: number,
    private readonly databaseName: string,
  ) {}

  async initialise(): Promise<void> {
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresIds();
      chownSync(this.directory, uid, gid);
    }
    await runCommand(...asDatabaseUser('initdb', ['-D', this.dataDirectory, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']));
    await this.start();
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${this.postgresPort}/postgres` });
    await client.connect();
    await client.query(`CREATE DATABASE ${this.databaseName}`);
    await client.end();
  }

  async start(): Promise<void> {
    const options = `-p ${this.postgresPort} -c listen_addresses=127.0.0.1 -k ${this.directory} -c fsync=off`;
    await runCommand(...asDatabaseUser('pg_ctl', ['-D', this.dataDirectory, '-o', options, '-l', path.join(this.directory, 'postgres.log'), '-w', 'start']));
  }

  /** Fast shutdown: open sessions are cut, as when an operator restarts the server. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await runCommand(...asDatabaseUser('pg_ctl', ['-D', this.dataDirectory, '-m', mode, '-w', 'stop']));
  }

  async remove(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

function postgresIds(): { uid: number; gid: number } {
  const passwd = readFileSync('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root needs a "postgres" OS user for initdb and pg_ctl');
  return { uid: Number(uid), gid: Number(gid) };
}

export class KafkaBroker {
  private readonly environment: Record<string, string>;

  constructor(kafkaPort: number) {
    this.environment = { KAFKA_PORT: String(kafkaPort) };
  }

  async start(): Promise<void> {
    await runCommand('bash', ['scripts/kafka-start.sh'], this.environment);
  }

  async stop(): Promise<void> {
    await runCommand('bash', ['scripts/kafka-stop.sh'], this.environment);
  }

  async startFresh(): Promise<void> {
    await runCommand('bash', ['scripts/kafka-stop.sh'], { ...this.environment, KAFKA_WIPE_DATA: '1' });
    await this.start();
  }

  async remove(): Promise<void> {
    await runCommand('bash', ['scripts/kafka-stop.sh'], { ...this.environment, KAFKA_WIPE_DATA: '1' });
  }
}
