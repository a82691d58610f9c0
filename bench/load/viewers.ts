import { setTimeout as sleep } from 'node:timers/promises';
import { baseUrl, clusterId, pollEveryMs } from './settings';

/**
 * Viewers polling the dashboard's API with their own tokens, as open pages do: each viewer asks
 * for one view per tick (the groups list, a group, the Redis lag, the streams list, in turn,
 * starting at a different one per viewer) and waits for the next tick. Bounded by `durationMs`.
 */
export interface RequestTiming {
  route: string;
  latencyMs: number;
  status: number;
}

export function polledRoutes(groupIds: readonly string[]): Array<{ route: string; path: (tick: number) => string }> {
  return [
    { route: 'groups', path: () => `/api/v1/consumers/groups?cluster_id=${clusterId}` },
    {
      route: 'group_detail',
      path: (tick) => `/api/v1/consumers/groups/${encodeURIComponent(groupIds[tick % groupIds.length] as string)}?cluster_id=${clusterId}`,
    },
    { route: 'consumer_lag', path: () => '/api/v1/events/consumer-lag' },
    { route: 'streams', path: () => '/api/v1/events/streams' },
  ];
}

async function timedGet(route: string, path: string, token: string): Promise<RequestTiming> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    return { route, latencyMs: performance.now() - startedAt, status: response.status };
  } catch {
    return { route, latencyMs: performance.now() - startedAt, status: 0 };
  }
}

export async function runViewers(tokens: readonly string[], groupIds: readonly string[], durationMs: number): Promise<RequestTiming[]> {
  const routes = polledRoutes(groupIds);
  const timings: RequestTiming[] = [];
  const endAtMs = Date.now() + durationMs;
  await Promise.all(
    tokens.map(async (token, viewerIndex) => {
      // Spread the viewers over the first tick, as pages opened at different moments would be.
      await sleep((viewerIndex * pollEveryMs) / tokens.length);
      for (let tick = viewerIndex; Date.now() < endAtMs; tick++) {
        const startedAtMs = Date.now();
        const route = routes[tick % routes.length] as (typeof routes)[number];
        timings.push(await timedGet(route.route, route.path(tick), token));
        await sleep(Math.max(0, pollEveryMs - (Date.now() - startedAtMs)));
      }
    }),
  );
  return timings;
}
