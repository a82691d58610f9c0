import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkSnapshotSpacing, Checks, expectThat, type Outage } from './checks';
import { healthStatus, signIn, startDashboard } from './dashboard';
import { createSourceData, createViewerTokens, migrate, revokeToken } from './fixture';
import { readSnapshotTimes } from './history-tables';
import { checkOutage, checkWholeRun } from './outage-checks';
import { polledApiRoutes, Poller } from './poller';
import { signalGroup, stopAllProcesses } from './processes';
import { KafkaBroker, PostgresCluster, RedisServer } from './services';
import { runLeaderKill } from './leader-kill';
import { baseUrl, clusterId, databaseName, kafkaPort, postgresPort, redisPort, reportFile, rootDirectory, snapshotIntervalMs, sourceCacheTtlMs, viewer } from './settings';

/*
 * npm run test:faults — the dashboard and its collector while Kafka, Redis and PostgreSQL are
 * stopped and started again in turn, on services of the suite's own (see README "Fault suite").
 * Writes .test-reports/faults-results.json for the closing `N passed, N failed` line.
 */

const pollEveryMs = 1_000;
const kafkaRequestTimeoutMs = 2_000;
// One refresh: the poll period, the cache TTL, and one request that times out against the stopped service.
const detectWithinMs = pollEveryMs + sourceCacheTtlMs + kafkaRequestTimeoutMs + 1_000;
// Two intervals, plus the poll period the answer takes to be seen.
const recoverWithinMs = 2 * snapshotIntervalMs + pollEveryMs;
const holdDownMs = 8_000;
const logDirectory = path.join(rootDirectory, '.test-reports', 'faults-logs');

async function status(path: string, token: string): Promise<{ status: number; code: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: response.status, code: body?.error?.code ?? null };
}

async function main(checks: Checks, cleanup: Array<() => Promise<void>>): Promise<void> {
  mkdirSync(logDirectory, { recursive: true });
  const redis = new RedisServer(redisPort);
  const postgres = new PostgresCluster(postgresPort, databaseName);
  const kafka = new KafkaBroker(kafkaPort);
  cleanup.push(() => redis.remove(), () => postgres.remove(), () => kafka.remove());
  console.log('faults: starting Redis, PostgreSQL and a Kafka broker of our own…');
  await Promise.all([redis.start(), postgres.initialise(), kafka.startFresh()]);
  await Promise.all([createSourceData(redis), migrate()]);

  const dashboard = await startDashboard(path.join(logDirectory, 'dashboard.log'));
  cleanup.push(() => signalGroup(dashboard.child, 'SIGTERM'));
  const tokens = await createViewerTokens();
  const sessionCookie = await signIn(viewer.username, viewer.password);
  const startedAtMs = Date.now();
  // The collector's first snapshots, so the spacing check starts from a running collector.
  for (let attempt = 0; (await readSnapshotTimes()).all.length < 2; attempt++) {
    if (attempt > 60) throw new Error('the embedded collector wrote no snapshots within 30 s');
    await sleep(500);
  }
  const verifiedBeforeOutage = await status(`/api/v1/consumers/groups?cluster_id=${clusterId}`, tokens.revoked);
  expectThat(verifiedBeforeOutage.status === 200, `the second token answered ${verifiedBeforeOutage.status} before any outage`);

  const poller = new Poller(tokens.poller, sessionCookie, pollEveryMs);
  poller.start();
  const outages: Outage[] = [];
  const outage = async (name: string, stop: () => Promise<void>, start: () => Promise<void>, whileDown?: () => Promise<void>) => {
    await sleep(3 * pollEveryMs);
    console.log(`faults: stopping ${name}…`);
    const stoppingAtMs = Date.now();
    await stop();
    const downAtMs = Date.now();
    await sleep(holdDownMs);
    await whileDown?.();
    console.log(`faults: starting ${name} again…`);
    await start();
    const upAtMs = Date.now();
    outages.push({ name, stoppingAtMs, downAtMs, upAtMs });
    await sleep(recoverWithinMs + 2 * pollEveryMs);
    return outages[outages.length - 1] as Outage;
  };

  const kafkaOutage = await outage('Kafka', () => kafka.stop(), () => kafka.start());
  const redisOutage = await outage('Redis', () => redis.stop(), () => redis.start());
  let duringDatabaseOutage: { verified: { status: number; code: string | null }; unverified: { status: number; code: string | null } } | null = null;
  const databaseOutage = await outage(
    'PostgreSQL',
    () => postgres.stop(),
    () => postgres.start(),
    async () => {
      duringDatabaseOutage = {
        verified: await status(`/api/v1/consumers/groups?cluster_id=${clusterId}`, tokens.revoked),
        unverified: await status(`/api/v1/consumers/groups?cluster_id=${clusterId}`, tokens.unverified),
      };
    },
  );
  await revokeToken(tokens.revokedTokenId);
  const afterRevoke = await status(`/api/v1/consumers/groups?cluster_id=${clusterId}`, tokens.revoked);
  await poller.stop();
  const finalHealth = await healthStatus();

  const samples = poller.samples;
  const kafkaRoutes = ['groups', 'group_detail'];
  const redisRoutes = ['consumer_lag', 'streams'];
  await checkOutage(checks, samples, { outage: kafkaOutage, failingRoutes: kafkaRoutes, failingCode: 'source_unavailable', servedRoutes: redisRoutes, banner: 'kafka', detectWithinMs, recoverWithinMs }, startedAtMs);
  await checkOutage(checks, samples, { outage: redisOutage, failingRoutes: redisRoutes, failingCode: 'source_unavailable', servedRoutes: kafkaRoutes, banner: 'redis', detectWithinMs, recoverWithinMs }, startedAtMs);
  await checkOutage(
    checks,
    samples,
    { outage: databaseOutage, failingRoutes: ['history'], failingCode: 'database_unavailable', servedRoutes: [...kafkaRoutes, ...redisRoutes, 'metrics'], banner: 'database', detectWithinMs, recoverWithinMs },
    startedAtMs,
  );
  await checks.run('PostgreSQL down: a token verified before the outage still reads Kafka, an unverified one gets 503 database_unavailable', () => {
    expectThat(duringDatabaseOutage !== null, 'not measured');
    const measured = duringDatabaseOutage as unknown as NonNullable<typeof duringDatabaseOutage>;
    expectThat(measured.verified.status === 200, `verified token answered ${measured.verified.status} ${measured.verified.code ?? ''}`);
    expectThat(measured.unverified.status === 503 && measured.unverified.code === 'database_unavailable', `unverified token answered ${measured.unverified.status} ${measured.unverified.code ?? ''}`);
    return 'verified 200, unverified 503 database_unavailable';
  });
  await checks.run('PostgreSQL back: a token revoked after the outage is refused at its next request', () => {
    expectThat(afterRevoke.status === 401, `the revoked token answered ${afterRevoke.status}`);
    return '401';
  });
  await checkWholeRun(checks, samples, [...Object.keys(polledApiRoutes)], startedAtMs);
  await checks.run('the dashboard is alive after the outages', () => {
    expectThat(finalHealth === 200, `health answered ${finalHealth}`);
    return 'health 200';
  });
  const times = await readSnapshotTimes(startedAtMs);
  const margin = 2 * snapshotIntervalMs;
  await checks.run('snapshots: one per interval, none lost outside the PostgreSQL outage', () => checkSnapshotSpacing(times.all, snapshotIntervalMs, [databaseOutage], margin, times.durationMs));
  await checks.run('Kafka snapshots: one per interval, none lost outside the Kafka and PostgreSQL outages', () =>
    checkSnapshotSpacing(times.kafka, snapshotIntervalMs, [kafkaOutage, databaseOutage], margin, times.durationMs));
  await checks.run('Redis snapshots: one per interval, none lost outside the Redis and PostgreSQL outages', () =>
    checkSnapshotSpacing(times.redis, snapshotIntervalMs, [redisOutage, databaseOutage], margin, times.durationMs));

  console.log('faults: two collector processes, then the leader is killed…');
  await signalGroup(dashboard.child, 'SIGTERM');
  await runLeaderKill(checks, logDirectory);
}

function writeReport(checks: Checks, error: unknown): void {
  const results = [...checks.results];
  if (error) results.push({ name: 'fault suite ran to the end', passed: false, detail: error instanceof Error ? error.message : String(error) });
  const passed = results.filter((result) => result.passed).length;
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(
    reportFile,
    JSON.stringify({ numPassedTests: passed, numFailedTests: results.length - passed, numPendingTests: 0, numTodoTests: 0, testResults: results }, null, 2),
  );
  console.log(`faults: ${passed} passed, ${results.length - passed} failed (${path.relative(rootDirectory, reportFile)})`);
}

async function runSuite(): Promise<void> {
  const checks = new Checks();
  const cleanup: Array<() => Promise<void>> = [];
  let failure: unknown = null;
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await stopAllProcesses();
      for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.error('faults: cleanup step failed:', error));
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`faults: ${signal}, cleaning up…`);
      void cleanUp().finally(() => process.exit(1));
    });
  }
  try {
    await main(checks, cleanup);
  } catch (error) {
    failure = error;
    console.error('faults: stopped early:', error instanceof Error ? error.message : error);
  } finally {
    await cleanUp();
  }
  writeReport(checks, failure);
  process.exit(failure || checks.results.some((result) => !result.passed) ? 1 : 0);
}

void runSuite();
