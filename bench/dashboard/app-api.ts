import { setTimeout as sleep } from 'node:timers/promises';
import type { APIRequestContext } from '@playwright/test';
import { demoNames } from './cluster-data';
import { benchClusters, smallCluster } from './settings';

/** The few API calls the benchmark needs, made with the signed-in browser session. */

interface HistoryStatusJson {
  latest_snapshot: { taken_at: string; duration_ms: number; source_errors: Array<{ source: string; message: string }> } | null;
  raw: { snapshot_count: number };
}

async function readJson<Body>(request: APIRequestContext, path: string): Promise<Body> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as Body;
}

/**
 * Waits until the embedded collector has written `count` snapshots: the lag-in-time and trend
 * columns are built from them, and a page measured before they exist would do less work.
 */
export async function waitForSnapshots(request: APIRequestContext, count: number, timeoutMs: number): Promise<HistoryStatusJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readJson<HistoryStatusJson>(request, '/api/v1/history/status');
    if (status.raw.snapshot_count >= count) return status;
    if (Date.now() > deadline) throw new Error(`the collector wrote ${status.raw.snapshot_count} of ${count} snapshots within ${timeoutMs / 1000} s`);
    await sleep(2_000);
  }
}

export function readHistoryStatus(request: APIRequestContext): Promise<HistoryStatusJson> {
  return readJson<HistoryStatusJson>(request, '/api/v1/history/status');
}

/** Groups the dashboard sees per cluster, to confirm the fixture is what is being measured. */
export async function readGroupCounts(request: APIRequestContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const cluster of benchClusters) {
    const list = await readJson<{ group_count: number }>(request, `/api/v1/consumers/groups?cluster_id=${cluster.id}`);
    counts[cluster.id] = list.group_count;
  }
  return counts;
}

/** A share link to the slow demo group's chart; null (with the reason printed) when it cannot be made. */
export async function createShareLinkPath(request: APIRequestContext): Promise<string | null> {
  const response = await request.post('/api/v1/share-links', {
    data: { kind: 'kafka_group', cluster_id: smallCluster.id, name: demoNames.slowGroup, range: '1h', series: ['total_lag', 'lag_seconds'] },
  });
  if (response.status() !== 201) {
    console.warn(`bench: no share page measured: POST /api/v1/share-links answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
    return null;
  }
  return ((await response.json()) as { path: string }).path;
}
