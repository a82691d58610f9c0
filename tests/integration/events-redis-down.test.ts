import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callRoute, createTestToken } from '../support/api-client';

// Redis down: the health check answers the seed's body with 503, every other events endpoint
// a 503 JSON error, and neither a response nor a log line carries the address, the password
// or a stack trace. Port 1 on loopback refuses at once.

const secret = 'hunter2-do-not-leak';
process.env.REDIS_URL = `redis://:${secret}@127.0.0.1:1/9`;
process.env.REDIS_COMMAND_TIMEOUT_MS = '500';

type Call = (path: string) => ReturnType<typeof callRoute>;
let token: string;
const calls: Record<string, Call> = {};
const logged: string[] = [];

function expectNothingLeaks(text: string): void {
  for (const leak of [secret, '127.0.0.1', 'redis://', ':1/', 'ECONNREFUSED', '    at ']) {
    expect(text).not.toContain(leak);
  }
}

beforeAll(async () => {
  token = await createTestToken('viewer');
  const health = (await import('@/app/api/v1/events/health/route')).GET;
  const consumerLag = (await import('@/app/api/v1/events/consumer-lag/route')).GET;
  const streams = (await import('@/app/api/v1/events/streams/route')).GET;
  const detail = (await import('@/app/api/v1/events/streams/[stream]/route')).GET;
  calls.health = (path) => callRoute(health, { path, params: {}, token });
  calls.consumerLag = (path) => callRoute(consumerLag, { path, params: {}, token });
  calls.streams = (path) => callRoute(streams, { path, params: {}, token });
  calls.detail = (path) => callRoute(detail, { path, params: { stream: 'events%3Achat' }, token });
  for (const method of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
  }
});

afterEach(() => {
  expectNothingLeaks(logged.join('\n'));
});

describe('events API with Redis down', () => {
  it('answers health with the seed body and 503', { timeout: 10_000 }, async () => {
    const response = await (calls.health as Call)('/api/v1/events/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'unhealthy', redis_connected: false, error: 'Cannot connect to Redis' });
    expectNothingLeaks(JSON.stringify(response.body));
  });

  it.each([
    ['consumerLag', '/api/v1/events/consumer-lag'],
    ['streams', '/api/v1/events/streams'],
    ['detail', '/api/v1/events/streams/events%3Achat'],
  ])('answers %s with a 503 source_unavailable error', { timeout: 10_000 }, async (name, path) => {
    const response = await (calls[name] as Call)(path);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toEqual({ error: { code: 'source_unavailable', message: 'Cannot connect to Redis' } });
    expectNothingLeaks(JSON.stringify(response.body));
  });

  it('logs why, by the kind of failure only', () => {
    expect(logged.some((line) => line.includes('events.redis_unavailable') && line.includes('connection refused'))).toBe(true);
  });
});
