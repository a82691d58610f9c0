import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import { createDatabase } from '@/lib/db/create-client';
import { createTopicsAndWait } from '../dashboard/cluster-data';
import { BenchFixture, partitionsPerTopic } from '../kafka-observe/fixture';
import { isRunning, signalGroup, stopAllProcesses } from '../../tests/faults/processes';
import { KafkaBroker, PostgresCluster, RedisServer } from '../../tests/faults/services';
import { latencyByRoute, ratio, type RouteLatency } from './report';
import { readSourceFetches, startServer } from './server';
import { sampleServerMemory, type MemorySample } from './server-memory';
import {
  admin,
  baselineDurationMs,
  clusterId,
  databaseName,
  databaseUrl,
  distDirectory,
  groupCount,
  kafkaBrokers,
  kafkaPort,
  loadDurationMs,
  pollEveryMs,
  postgresPort,
  redisPort,
  resultsDirectory,
  rssGoalBytes,
  serverNodeOptions,
  snapshotIntervalMs,
  sourceCacheTtlMs,
  stream,
  topicCount,
  viewerCount,
} from './settings';
import { runViewers } from './viewers';

/*
 * npm run bench:load — many viewers against one dashboard, self-contained:
 *   1. its own Redis, PostgreSQL cluster and Kafka broker, with bench:kafka's fixture grown to
 *      BENCH_LOAD_GROUPS (2,000) groups and one Redis stream;
 *   2. `next start` on the existing .next-test build (npm test or `NEXT_DIST_DIR=.next-test npx next build`
 *      makes it) with the embedded collector;
 *   3. one viewer for BENCH_LOAD_BASELINE_SECONDS, then BENCH_LOAD_VIEWERS (50) for BENCH_LOAD_SECONDS
 *      (120), each polling every 2 s with its own API token.
 * Reports p50/p95 per route and the 50/1 ratio, the Kafka and Redis reads the server made
 * (lagboard_source_fetches_total) against the viewers' requests, and the server's RSS over time.
 * Writes bench/results/load-<time>.json. Never asserts a time. Cleans up on an error and on Ctrl-C.
 */

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function createTokens(count: number): Promise<{ viewers: string[]; admin: string }> {
  const database = createDatabase({ databaseUrl });
  try {
    await database.migrate();
    const viewers: string[] = [];
    // Ten viewer users with several tokens each: scope reads per user, verification per token.
    for (let index = 0; index < count; index++) {
      const { user } = await upsertUser({ username: `bench-load-viewer-${index % 10}`, password: 'bench-load-password', role: 'viewer' }, { db: database.prisma });
      viewers.push((await createApiToken(user.id, `bench-load-${index}`, { db: database.prisma })).token);
    }
    const { user } = await upsertUser({ ...admin, role: 'admin' }, { db: database.prisma });
    return { viewers, admin: (await createApiToken(user.id, 'bench-load-admin', { db: database.prisma })).token };
  } finally {
    await database.close();
  }
}

interface HeapSample {
  atMs: number;
  heapUsedBytes: number;
}

interface PhaseResult {
  viewers: number;
  durationMs: number;
  requests: number;
  latency: RouteLatency[];
  kafkaFetches: { viewers: number; collector: number };
  redisFetches: { viewers: number; collector: number };
  /** What one fetch per TTL would give for the phase. */
  kafkaFetchesAtOnePerTtl: number;
}

async function runPhase(viewerTokens: string[], adminToken: string, groupIds: string[], durationMs: number, heapSamples: HeapSample[]): Promise<PhaseResult> {
  const before = await readSourceFetches(adminToken);
  const startedAtMs = Date.now();
  // One scrape every 10 s for the heap next to the RSS samples (it reads through the same caches).
  const heapTimer = setInterval(() => {
    void readSourceFetches(adminToken).then((scrape) => heapSamples.push({ atMs: Date.now(), heapUsedBytes: scrape.heap ?? 0 }), () => undefined);
  }, 10_000);
  const timings = await runViewers(viewerTokens, groupIds, durationMs).finally(() => clearInterval(heapTimer));
  const elapsedMs = Date.now() - startedAtMs;
  const after = await readSourceFetches(adminToken);
  const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  return {
    viewers: viewerTokens.length,
    durationMs: elapsedMs,
    requests: timings.length,
    latency: latencyByRoute(timings),
    kafkaFetches: { viewers: delta(`kafka:${clusterId}/viewers`), collector: delta(`kafka:${clusterId}/collector`) },
    redisFetches: { viewers: delta('redis/viewers'), collector: delta('redis/collector') },
    kafkaFetchesAtOnePerTtl: Math.ceil(elapsedMs / sourceCacheTtlMs),
  };
}

function printPhase(name: string, phase: PhaseResult): void {
  console.log(`\n${name}: ${phase.viewers} viewer(s), ${Math.round(phase.durationMs / 1000)} s, ${phase.requests} requests`);
  for (const route of phase.latency) console.log(`  ${route.route.padEnd(14)} n=${String(route.requests).padStart(5)} errors=${route.errors} p50 ${route.p50Ms} ms  p95 ${route.p95Ms} ms`);
  console.log(`  Kafka reads: ${phase.kafkaFetches.viewers} by the cache (one per TTL would be ${phase.kafkaFetchesAtOnePerTtl}), ${phase.kafkaFetches.collector} by the collector; Redis reads: ${phase.redisFetches.viewers} by the cache`);
}

async function main(cleanup: Array<() => Promise<void>>): Promise<void> {
  const ranAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const redis = new RedisServer(redisPort);
  const postgres = new PostgresCluster(postgresPort, databaseName);
  const kafka = new KafkaBroker(kafkaPort);
  cleanup.push(() => redis.remove(), () => postgres.remove(), () => kafka.remove());
  console.log(`bench:load: own Redis :${redisPort}, PostgreSQL :${postgresPort}, Kafka :${kafkaPort}…`);
  await Promise.all([redis.start(), postgres.initialise(), kafka.startFresh()]);

  console.log(`bench:load: creating ${groupCount} groups on ${topicCount} topics…`);
  const fixture = new BenchFixture(kafkaBrokers, 'load', topicCount);
  // A fresh broker lists new topics a moment after creating them; producing before fails.
  await createTopicsAndWait(kafkaBrokers, fixture.topicNames.map((name) => ({ name, partitions: partitionsPerTopic })));
  await fixture.createTopics();
  const fixtureSetupMs = await fixture.growTo(groupCount);
  for (let index = 0; index < stream.entries; index += 50) {
    await redis.cli('EVAL', `for i=1,50 do redis.call('XADD', KEYS[1], '*', 'seq', i) end`, '1', stream.name);
  }
  await redis.cli('XGROUP', 'CREATE', stream.name, stream.group, '0');
  const tokens = await createTokens(viewerCount);

  mkdirSync(resultsDirectory, { recursive: true });
  const logFile = path.join(resultsDirectory, 'load-server.log');
  const server = await startServer(logFile);
  cleanup.push(() => signalGroup(server.child, 'SIGTERM'));
  const serverPid = server.child.pid as number;
  const memory: MemorySample[] = [sampleServerMemory(serverPid)];
  const sampler = setInterval(() => memory.push(sampleServerMemory(serverPid)), 2_000);
  cleanup.push(async () => clearInterval(sampler));

  // Warm-up: the first list, and the collector's first snapshot of 2,000 groups.
  await runViewers(tokens.viewers.slice(0, 1), fixture.groupIds, Math.max(snapshotIntervalMs + 5_000, 10_000));
  const baselineStartedAtMs = Date.now();
  const heapSamples: HeapSample[] = [];
  const baseline = await runPhase(tokens.viewers.slice(0, 1), tokens.admin, fixture.groupIds, baselineDurationMs, heapSamples);
  printPhase('baseline', baseline);
  const loadStartedAtMs = Date.now();
  const load = await runPhase(tokens.viewers, tokens.admin, fixture.groupIds, loadDurationMs, heapSamples);
  const serverSurvived = isRunning(server.child);
  printPhase('load', load);
  clearInterval(sampler);
  memory.push(sampleServerMemory(serverPid));

  const peakRssBytes = Math.max(...memory.map((sample) => sample.rssBytes));
  const loadRss = memory.filter((sample) => sample.atMs >= loadStartedAtMs).map((sample) => sample.rssBytes);
  const latencyRatios = load.latency.map((route) => {
    const single = baseline.latency.find((candidate) => candidate.route === route.route);
    return { route: route.route, p50Ratio: ratio(route.p50Ms, single?.p50Ms ?? Number.NaN), p95Ratio: ratio(route.p95Ms, single?.p95Ms ?? Number.NaN) };
  });
  const summary = {
    groups: groupCount,
    viewers: viewerCount,
    pollEveryMs,
    sourceCacheTtlMs,
    snapshotIntervalMs,
    latencyRatios,
    kafkaReadsPerViewerRequest: ratio(load.kafkaFetches.viewers, load.requests),
    kafkaReadsVersusOnePerTtl: ratio(load.kafkaFetches.viewers, load.kafkaFetchesAtOnePerTtl),
    peakRssMb: megabytes(peakRssBytes),
    loadRssMb: { min: megabytes(Math.min(...loadRss)), max: megabytes(Math.max(...loadRss)), last: megabytes(loadRss[loadRss.length - 1] ?? 0) },
    rssGoalMb: megabytes(rssGoalBytes),
    rssWithinGoal: peakRssBytes <= rssGoalBytes,
    peakHeapUsedMb: megabytes(Math.max(0, ...heapSamples.map((sample) => sample.heapUsedBytes))),
    serverNodeOptions,
    serverSurvived,
  };
  const report = {
    benchmark: 'load',
    ranAt,
    machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg(), node: process.version },
    distDirectory,
    fixtureSetupMs: Math.round(fixtureSetupMs),
    baseline: { ...baseline, startedAt: new Date(baselineStartedAtMs).toISOString() },
    load: { ...load, startedAt: new Date(loadStartedAtMs).toISOString() },
    summary,
    memory: memory.map((sample) => ({ at: new Date(sample.atMs).toISOString(), rssMb: megabytes(sample.rssBytes), processes: sample.processes })),
    heap: heapSamples.map((sample) => ({ at: new Date(sample.atMs).toISOString(), heapUsedMb: megabytes(sample.heapUsedBytes) })),
  };
  const file = path.join(resultsDirectory, `load-${ranAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nlatency 50/1 (p50, p95): ${latencyRatios.map((entry) => `${entry.route} ${entry.p50Ratio}x/${entry.p95Ratio}x`).join(', ')}`);
  console.log(
    `bench:load: ${groupCount} groups, ${viewerCount} viewers: ${load.requests} requests, ${load.kafkaFetches.viewers} Kafka reads by the cache ` +
      `(${summary.kafkaReadsVersusOnePerTtl}x one per TTL, ${summary.kafkaReadsPerViewerRequest} per request), peak RSS ${summary.peakRssMb} MB ` +
      `(goal ${summary.rssGoalMb} MB: ${summary.rssWithinGoal ? 'met' : 'missed'}), peak heap in use ${summary.peakHeapUsedMb} MB, ` +
      `NODE_OPTIONS "${serverNodeOptions}", server ${serverSurvived ? 'survived' : 'EXITED'}; ${path.relative(process.cwd(), file)}`,
  );
}

async function run(): Promise<void> {
  const cleanup: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.error('bench:load: cleanup step failed:', error));
      await stopAllProcesses();
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void cleanUp().finally(() => process.exit(1)));
  }
  try {
    await main(cleanup);
  } catch (error) {
    console.error('bench:load: failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

void run();
