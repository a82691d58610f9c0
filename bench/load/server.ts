import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning, signalGroup, startProcess, type Started } from '../../tests/faults/processes';
import { admin, baseUrl, serverNodeOptions, clusterId, dashboardPort, databaseUrl, distDirectory, kafkaBrokers, redisPort, rootDirectory, snapshotIntervalMs, sourceCacheTtlMs, stream } from './settings';

const nextBin = path.join(rootDirectory, 'node_modules', 'next', 'dist', 'bin', 'next');

/** `next start` on the existing build with the embedded collector; resolves once /api/health answers. */
export async function startServer(logFile: string): Promise<Started> {
  const environment = {
    NODE_ENV: 'production',
    PORT: String(dashboardPort),
    NEXT_DIST_DIR: distDirectory,
    KAFKA_CLUSTERS: `${clusterId}=${kafkaBrokers.join(',')}`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    EVENT_STREAMS: stream.name,
    EVENT_TRANSPORT_CONSUMER_GROUP: stream.group,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: 'bench-load-only-secret-not-for-production-0123',
    LAGBOARD_ADMIN_USER: admin.username,
    LAGBOARD_ADMIN_PASSWORD: admin.password,
    SOURCE_CACHE_TTL_MS: String(sourceCacheTtlMs),
    COLLECTOR_MODE: 'embedded',
    SNAPSHOT_INTERVAL_MS: String(snapshotIntervalMs),
    NODE_OPTIONS: serverNodeOptions,
  };
  const server = startProcess(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(dashboardPort)], environment, logFile);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.status, () => null);
    if (status === 200) return server;
    if (!isRunning(server.child)) throw new Error(`the dashboard exited during start-up; see ${logFile}`);
    if (Date.now() > deadline) {
      await signalGroup(server.child, 'SIGTERM');
      throw new Error(`the dashboard did not answer /api/health within 120 s; see ${logFile}`);
    }
    await sleep(500);
  }
}

/** lagboard_source_fetches_total by source and caller (`source/caller`) and the heap in use (`heap`), from one scrape. */
export async function readSourceFetches(token: string): Promise<Record<string, number>> {
  const response = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/api/metrics answered ${response.status}`);
  const counts: Record<string, number> = {};
  for (const line of (await response.text()).split('\n')) {
    const heap = /^lagboard_process_heap_used_bytes (\d+)$/.exec(line);
    if (heap) counts.heap = Number(heap[1]);
    const match = /^lagboard_source_fetches_total\{([^}]*)\} (\d+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((label) => [label[1], label[2]]));
    counts[`${labels.source}/${labels.caller}`] = Number(match[2]);
  }
  return counts;
}
