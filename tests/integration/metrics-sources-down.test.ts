import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseExposition, sampleValue } from '@/lib/metrics/exposition-parsing';
import { callRoute, createTestToken } from '../support/api-client';

// A Redis and a Kafka outage must not fail a scrape: /api/metrics still answers 200 with
// lagboard_source_up 0 for each, and nothing about the addresses reaches the text or the log.

const secret = 'hunter2-do-not-leak';
process.env.REDIS_URL = `redis://:${secret}@127.0.0.1:1/9`;
process.env.REDIS_COMMAND_TIMEOUT_MS = '500';
process.env.KAFKA_CLUSTERS = 'down=127.0.0.1:1';
process.env.KAFKA_REQUEST_TIMEOUT_MS = '1000';

type Route = Parameters<typeof callRoute<Record<string, never>>>[0];
let route: Route;
let token: string;
const logged: string[] = [];

beforeAll(async () => {
  token = await createTestToken('viewer');
  route = (await import('@/app/api/metrics/route')).GET;
  for (const method of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
  }
});

describe('GET /api/metrics with every source down', () => {
  it('answers 200 with lagboard_source_up 0 for Redis and for the Kafka cluster', { timeout: 30_000 }, async () => {
    const response = await callRoute(route, { path: '/api/metrics', params: {}, token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = String(response.body);
    const samples = parseExposition(text);
    expect(sampleValue(samples, 'lagboard_source_up', { source: 'redis' })).toBe(0);
    expect(sampleValue(samples, 'lagboard_source_up', { source: 'kafka', cluster: 'down' })).toBe(0);
    expect(samples.filter((sample) => sample.name === 'event_consumer_lag')).toEqual([]);
    // The declarations stay, so Prometheus keeps knowing the names.
    expect(text).toContain('# TYPE event_consumer_lag gauge');
    for (const leak of [secret, 'redis://', '127.0.0.1:1']) {
      expect(text).not.toContain(leak);
      expect(logged.join('\n')).not.toContain(leak);
    }
  });
});
