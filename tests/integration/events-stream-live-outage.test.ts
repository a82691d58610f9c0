import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callRoute, createTestToken } from '../support/api-client';
import { cli, cliBatch } from '../support/redis-cli';
import { openLiveRoute, type LiveConnection, type SseEvent } from '../support/sse-client';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { testRedisUrl, uniqueName } from '../support/test-env';

// Redis going away while a live stream is open: the route sends an `error` event with a clean
// message, keeps its stream open, and sends updates again once Redis is back. The app reaches
// the suite's real Redis through a TCP forwarder that the test cuts and restores.

const streamName = uniqueName('lagboard-live-outage');
process.env.EVENT_STREAMS = streamName;
process.env.REDIS_COMMAND_TIMEOUT_MS = '500';

type LiveRoute = Parameters<typeof openLiveRoute<{ stream: string }>>[0];
let liveRoute: LiveRoute;
let proxy: TcpProxy;
let token: string;
const opened: LiveConnection[] = [];
const logged: string[] = [];
const livePath = `/api/v1/events/streams/${encodeURIComponent(streamName)}/live?interval=2`;

function expectNothingLeaks(text: string): void {
  for (const leak of ['redis://', '127.0.0.1', `:${proxy.port}`, 'ECONNREFUSED', '    at ']) {
    expect(text).not.toContain(leak);
  }
}

/** Reads events until one of `kind` arrives, failing after `limit` events of another kind. */
async function nextOfKind(connection: LiveConnection, kind: string, limit: number): Promise<SseEvent> {
  for (let count = 0; count < limit; count += 1) {
    const event = await connection.next();
    if (event === null) throw new Error('the stream ended');
    if (event.event === kind) return event;
  }
  throw new Error(`no ${kind} event within ${limit} events`);
}

beforeAll(async () => {
  const target = new URL(testRedisUrl);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
  // Set before anything reads the configuration: the app's Redis is the forwarder.
  process.env.REDIS_URL = `redis://127.0.0.1:${proxy.port}${target.pathname}`;
  await cliBatch([['XADD', streamName, '*', 'seq', '0'], ['XGROUP', 'CREATE', streamName, 'workers', '0']]);
  token = await createTestToken('viewer');
  liveRoute = (await import('@/app/api/v1/events/streams/[stream]/live/route')).GET;
  for (const method of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
  }
});

afterEach(async () => {
  for (const connection of opened.splice(0)) connection.close();
  await proxy.restore();
  expectNothingLeaks(logged.join('\n'));
});

afterAll(async () => {
  await proxy.cut();
  await cli('DEL', streamName);
});

describe('GET /api/v1/events/streams/{stream}/live while Redis goes away', () => {
  it('sends an error event with a clean message, keeps the stream open and recovers', { timeout: 30_000 }, async () => {
    const connection = await openLiveRoute(liveRoute, { path: livePath, params: { stream: 'ignored' }, token });
    opened.push(connection);
    expect(connection.response.status).toBe(200);
    const before = await nextOfKind(connection, 'update', 1);
    expect(before.data).toMatchObject({ stream: streamName, length: 1, groups: [{ name: 'workers', lag: 1 }] });

    await proxy.cut();
    const failure = await nextOfKind(connection, 'error', 3);
    expect(failure.data).toEqual({ message: 'Cannot connect to Redis' });
    expectNothingLeaks(JSON.stringify(failure.data));

    await cli('XADD', streamName, '*', 'seq', '1');
    await proxy.restore();
    const after = await nextOfKind(connection, 'update', 10);
    expect(after.data).toMatchObject({ stream: streamName, length: 2, groups: [{ name: 'workers', lag: 2 }] });
  });

  it('answers a 503 JSON when Redis is down as the stream is requested', { timeout: 10_000 }, async () => {
    await proxy.cut();
    const response = await callRoute(liveRoute, { path: livePath, params: { stream: 'ignored' }, token });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toEqual({ error: { code: 'source_unavailable', message: 'Cannot connect to Redis' } });
  });
});
