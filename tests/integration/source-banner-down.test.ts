import net from 'node:net';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testKafkaBrokers } from '../support/test-env';

// The banner every dashboard page shows for a source that cannot be reached: a Kafka cluster
// that refuses connections, one that accepts them and never answers, and Redis behind a closed
// port with a password in its URL, next to the suite's reachable broker. The message names the
// source and the kind of failure, never an address or the password.

const secret = 'hunter2-do-not-leak';
// Accepts connections and never answers, as a hung broker does.
const silentConnections = new Set<net.Socket>();
const silentServer = net.createServer((socket) => {
  silentConnections.add(socket);
  socket.on('error', () => undefined);
});
const logged: string[] = [];
let readUnreachableSources: typeof import('@/lib/sources/unreachable-sources').readUnreachableSources;
let SourceBanner: typeof import('@/components/source-banner').SourceBanner;

beforeAll(async () => {
  const silentPort = await new Promise<number>((resolve) => silentServer.listen(0, '127.0.0.1', () => resolve((silentServer.address() as net.AddressInfo).port)));
  // Set before anything reads the configuration.
  process.env.KAFKA_CLUSTERS = `test=${testKafkaBrokers.join(',')};refused=127.0.0.1:1;silent=127.0.0.1:${silentPort}`;
  process.env.KAFKA_REQUEST_TIMEOUT_MS = '1000';
  process.env.REDIS_URL = `redis://:${secret}@127.0.0.1:1/9`;
  process.env.REDIS_COMMAND_TIMEOUT_MS = '500';
  ({ readUnreachableSources } = await import('@/lib/sources/unreachable-sources'));
  ({ SourceBanner } = await import('@/components/source-banner'));
  for (const method of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
  }
});

afterAll(async () => {
  for (const socket of silentConnections) socket.destroy();
  await new Promise((resolve) => silentServer.close(resolve));
});

function expectNothingLeaks(text: string): void {
  for (const leak of [secret, 'redis://', '127.0.0.1', ':1/', testKafkaBrokers[0] as string, '    at ']) {
    expect(text).not.toContain(leak);
  }
}

describe('source banner with unreachable sources', () => {
  it('names each unreachable source with a clean reason and leaves the reachable cluster out', { timeout: 30_000 }, async () => {
    const unreachable = await readUnreachableSources();
    expect(unreachable).toEqual([
      { kind: 'kafka', clusterId: 'refused', reason: 'connection failed (ECONNREFUSED)' },
      { kind: 'kafka', clusterId: 'silent', reason: 'no answer within 1000 ms' },
      { kind: 'redis', reason: 'connection refused' },
    ]);
  });

  it('renders one alert banner per source, without addresses or the password', { timeout: 30_000 }, async () => {
    const markup = renderToStaticMarkup(await SourceBanner());
    expect(markup.match(/<div role="alert" class="banner">/g)).toHaveLength(3);
    expect(markup).toContain('Kafka cluster “refused” is unreachable: connection failed (ECONNREFUSED). Figures from it are missing or stale.');
    expect(markup).toContain('Kafka cluster “silent” is unreachable: no answer within 1000 ms. Figures from it are missing or stale.');
    expect(markup).toMatch(/Redis is unreachable: (connection refused|not connected)\. Figures from it are missing or stale\./);
    expect(markup).not.toContain('“test”');
    expectNothingLeaks(markup);
    expectNothingLeaks(logged.join('\n'));
  });
});
