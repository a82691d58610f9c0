import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, recreateDatabase } from '../../tests/support/database';
import { createShareLinkPath, readGroupCounts, readHistoryStatus, waitForSnapshots } from './app-api';
import { buildApp, startAppServer } from './app-server';
import { launchBrowser, newContext, signIn } from './browser';
import { startFreshBroker, stopBroker } from './brokers';
import { stopAllChildren } from './child-process';
import { runWithCleanup } from './cleanup';
import { createFixtureGroups, startDemoWorkload } from './cluster-data';
import { measureGroupsUsability } from './groups-usability';
import { measuredPages, measurePageLoads } from './page-loads';
import { printGroupsUsability, printPageLoads, writeReport } from './report';
import {
  benchClusters,
  databaseName,
  distDirectory,
  fixtureTopicCount,
  interactionRepetitions,
  pageRepetitions,
  serverPort,
  smallCluster,
  snapshotIntervalMs,
} from './settings';
import { roundMs } from './statistics';

/*
 * npm run bench:dashboard — the dashboard in a real browser (Chromium), self-contained:
 *   1. two brokers of its own with fresh storage: `small` (100 fixture groups plus the live demo
 *      workload, whose Redis streams go to db 13) and `large` (BENCH_LARGE_GROUPS, 5,000);
 *   2. its own database, a build in .next-bench, `next start` on port 3401 with the embedded
 *      collector, measured once it has written two snapshots;
 *   3. page load of every page against the login page, first-load JavaScript, and the groups
 *      list of the large cluster against the small one (table on screen, sort, search, filter,
 *      next page, periodic refresh, and the longest main-thread task of each).
 * Prints tables and writes bench/results/dashboard-<time>.json. Never asserts a time. Stops the
 * server and the brokers at the end, on an error and on Ctrl-C.
 *   npm run bench:dashboard
 *   BENCH_SKIP_BUILD=1 BENCH_LARGE_GROUPS=2000 BENCH_PAGE_REPETITIONS=3 npm run bench:dashboard
 */

void runWithCleanup(async (cleanup) => {
  const ranAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  // Registered first, so it runs last: anything a failed step left running.
  cleanup.add('child processes', stopAllChildren);

  const build = await buildApp();
  console.log(build === 'built' ? `bench: built the app into ${distDirectory}` : `bench: BENCH_SKIP_BUILD=1: using the existing ${distDirectory}`);

  for (const cluster of benchClusters) cleanup.add(`broker ${cluster.id}`, () => stopBroker(cluster));
  await Promise.all(benchClusters.map((cluster) => startFreshBroker(cluster)));
  console.log(`bench: creating ${benchClusters.map((cluster) => `${cluster.fixtureGroupCount} groups on ${cluster.id}`).join(' and ')}…`);
  const fixtureSetupMs = await Promise.all(benchClusters.map((cluster) => createFixtureGroups(cluster)));
  const stopDemoWorkload = await startDemoWorkload(smallCluster);
  cleanup.add('demo workload', stopDemoWorkload);

  const databaseUrl = await recreateDatabase(databaseName);
  await migrateDatabase(databaseUrl);
  console.log(`bench: starting the dashboard on port ${serverPort}…`);
  const server = await startAppServer(databaseUrl);
  cleanup.add('server', () => server.stop());

  const browser = await launchBrowser();
  cleanup.add('browser', () => browser.close());
  const signedIn = await signIn(browser);
  const apiContext = await newContext(browser, signedIn);
  console.log('bench: signed in; waiting for the collector\'s first two snapshots…');
  await waitForSnapshots(apiContext.request, 2, snapshotIntervalMs * 3 + 120_000);
  const groupCounts = await readGroupCounts(apiContext.request);
  const sharePath = await createShareLinkPath(apiContext.request);
  console.log(`bench: groups seen by the dashboard: ${Object.entries(groupCounts).map(([id, count]) => `${id} ${count}`).join(', ')}`);

  const pages = measuredPages(sharePath);
  const pageLoads = await measurePageLoads(browser, signedIn, pages);
  printPageLoads(pageLoads, pageRepetitions);
  const groupsUsability = await measureGroupsUsability(browser, signedIn, groupCounts);
  printGroupsUsability(groupsUsability);

  const historyStatus = await readHistoryStatus(apiContext.request);
  await apiContext.close();
  const file = await writeReport({
    benchmark: 'dashboard',
    ran_at: ranAt,
    node: process.version,
    chromium: browser.version(),
    cpus: os.cpus().length,
    load_average_at_start: loadAverageAtStart.map((value) => Math.round(value * 100) / 100),
    load_average_at_end: os.loadavg().map((value) => Math.round(value * 100) / 100),
    build,
    settings: {
      clusters: benchClusters.map((cluster, index) => ({
        id: cluster.id,
        kafka_port: cluster.kafkaPort,
        fixture_groups: cluster.fixtureGroupCount,
        groups_seen: groupCounts[cluster.id] ?? null,
        fixture_setup_ms: roundMs(fixtureSetupMs[index] ?? 0),
      })),
      fixture_topics_per_cluster: fixtureTopicCount,
      page_repetitions: pageRepetitions,
      interaction_repetitions: interactionRepetitions,
      snapshot_interval_ms: snapshotIntervalMs,
    },
    history_status_at_end: historyStatus,
    page_loads: pageLoads,
    groups_usability: groupsUsability,
  });
  console.log(`\nbench: dashboard results -> ${path.relative(process.cwd(), file)} (load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')})`);
});
