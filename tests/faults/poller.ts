import { setTimeout as sleep } from 'node:timers/promises';
import { baseUrl, clusterId, fixture } from './settings';

/** One answer of one polled route. */
export interface Sample {
  route: string;
  atMs: number;
  status: number;
  /** The JSON error code, when the answer is an error. */
  code: string | null;
  retryAfter: string | null;
  /** For pages: which banners the HTML holds. */
  banners: { database: boolean; redis: boolean; kafka: boolean } | null;
}

const encodedGroup = encodeURIComponent(fixture.group);

/** The API routes polled throughout, as the fault suite's viewer token. */
export const polledApiRoutes: Record<string, string> = {
  groups: `/api/v1/consumers/groups?cluster_id=${clusterId}`,
  group_detail: `/api/v1/consumers/groups/${encodedGroup}?cluster_id=${clusterId}`,
  consumer_lag: '/api/v1/events/consumer-lag',
  streams: '/api/v1/events/streams',
  history: `/api/v1/history/groups/${encodedGroup}?cluster_id=${clusterId}`,
  metrics: '/api/metrics',
};

async function sample(route: string, path: string, headers: Record<string, string>, page: boolean): Promise<Sample> {
  const atMs = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let code: string | null = null;
    if (!page && response.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = 'not_json';
      }
    }
    const banners = page
      ? { database: text.includes('The database is unavailable'), redis: /Redis[^<]{0,40} is unreachable/.test(text), kafka: /Kafka[^<]{0,80} is unreachable/.test(text) }
      : null;
    return { route, atMs, status: response.status, code, retryAfter: response.headers.get('retry-after'), banners };
  } catch {
    // No answer at all (connection refused, timeout): recorded as status 0, a failure of liveness.
    return { route, atMs, status: 0, code: 'no_answer', retryAfter: null, banners: null };
  }
}

/** Polls every route every `everyMs` until stopped; the samples are kept in order. */
export class Poller {
  readonly samples: Sample[] = [];
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly token: string,
    private readonly sessionCookie: string,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const startedAtMs = Date.now();
        const auth = { authorization: `Bearer ${this.token}` };
        const answers = await Promise.all([
          ...Object.entries(polledApiRoutes).map(([route, path]) => sample(route, path, auth, false)),
          sample('health', '/api/health', {}, false),
          sample('page_streams', '/streams', { cookie: this.sessionCookie }, true),
        ]);
        this.samples.push(...answers);
        await sleep(Math.max(0, this.everyMs - (Date.now() - startedAtMs)));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
