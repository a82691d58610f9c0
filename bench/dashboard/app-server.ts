import { existsSync, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand, startCommand, stopProcessGroup } from './child-process';
import {
  admin,
  baseUrl,
  benchClusters,
  brokerAddress,
  distDirectory,
  redisUrl,
  resultsDirectory,
  rootDirectory,
  serverPort,
  skipBuild,
  snapshotIntervalMs,
} from './settings';

const nextBin = path.join(rootDirectory, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Builds the app into its own folder, so the benchmark never measures (or overwrites) the demo's
 * or the tests' build. `next build` adds its types folder to tsconfig.json; the file is put back
 * exactly as it was before the build, keeping anyone's uncommitted edits in it.
 */
export async function buildApp(): Promise<'built' | 'skipped'> {
  if (skipBuild && existsSync(path.join(rootDirectory, distDirectory, 'BUILD_ID'))) return 'skipped';
  const tsconfigPath = path.join(rootDirectory, 'tsconfig.json');
  const tsconfigBefore = await readFile(tsconfigPath, 'utf8');
  console.log(`bench: building the app into ${distDirectory}…`);
  try {
    await runCommand(process.execPath, [nextBin, 'build'], { label: 'next build', environment: { NEXT_DIST_DIR: distDirectory } });
  } finally {
    if ((await readFile(tsconfigPath, 'utf8')) !== tsconfigBefore) await writeFile(tsconfigPath, tsconfigBefore);
  }
  return 'built';
}

export function serverEnvironment(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(serverPort),
    NEXT_DIST_DIR: distDirectory,
    KAFKA_CLUSTERS: benchClusters.map((cluster) => `${cluster.id}=${brokerAddress(cluster)}`).join(';'),
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-0123456789',
    LAGBOARD_ADMIN_USER: admin.username,
    LAGBOARD_ADMIN_PASSWORD: admin.password,
    SOURCE_CACHE_TTL_MS: '5000',
    COLLECTOR_MODE: 'embedded',
    SNAPSHOT_INTERVAL_MS: String(snapshotIntervalMs),
  };
}

async function healthStatus(): Promise<number | null> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status;
  } catch {
    return null;
  }
}

export interface AppServer {
  logFile: string;
  stop(): Promise<void>;
}

/** `next start` on the benchmark's port; resolves once /api/health answers 200. */
export async function startAppServer(databaseUrl: string): Promise<AppServer> {
  if ((await healthStatus()) !== null) {
    throw new Error(`port ${serverPort} already answers HTTP: another server runs there, stop it first`);
  }
  await mkdir(resultsDirectory, { recursive: true });
  const logFile = path.join(resultsDirectory, 'dashboard-server.log');
  const log = createWriteStream(logFile);
  const child = startCommand(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(serverPort)], {
    label: 'next start',
    environment: serverEnvironment(databaseUrl),
    quiet: true,
    onLine: (line) => log.write(`${line}\n`),
  });
  const server: AppServer = {
    logFile,
    async stop() {
      await stopProcessGroup(child, 10_000);
      log.end();
    },
  };
  const deadline = Date.now() + 120_000;
  while ((await healthStatus()) !== 200) {
    if (child.exitCode !== null || child.signalCode !== null) {
      log.end();
      throw new Error(`the server exited during start-up; see ${path.relative(process.cwd(), logFile)}`);
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server did not answer /api/health within 120 s; see ${path.relative(process.cwd(), logFile)}`);
    }
    await sleep(500);
  }
  return server;
}
