import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { closeKafkaConnections, observeKafkaCluster, type KafkaClusterObservation } from '@/lib/kafka';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// A cluster that refuses connections, or accepts them and never answers, must give an
// observation with a clear `cluster` error: no exception, no hang (the per-test timeouts are
// the hang guard; nothing here measures speed), and no address in the message.

const requestTimeoutMs = 1_000;
const silentSockets = new Set<net.Socket>();
const silentServer = net.createServer((socket) => {
  // Accepts and reads, never answers: a broker that is up but stuck.
  silentSockets.add(socket);
  socket.on('close', () => silentSockets.delete(socket));
  socket.resume();
});

afterAll(async () => {
  await closeKafkaConnections();
  for (const socket of silentSockets) {
    socket.destroy();
  }
  await new Promise<void>((resolve) => silentServer.close(() => resolve()));
});

function expectClusterError(observation: KafkaClusterObservation, clusterId: string, reason: RegExp, addresses: string[]): void {
  expect(observation.clusterId).toBe(clusterId);
  expect(observation.brokers).toEqual([]);
  expect(observation.groups).toEqual([]);
  expect(observation.topics).toEqual([]);
  expect(observation.errors).toHaveLength(1);
  const [error] = observation.errors;
  expect(error?.scope).toBe('cluster');
  expect(error?.message).toMatch(/^cluster unreachable: /);
  expect(error?.message).toMatch(reason);
  for (const leak of [...addresses, '127.0.0.1', 'localhost', '    at ']) {
    expect(error?.message).not.toContain(leak);
  }
  // The observation is plain data.
  expect(JSON.parse(JSON.stringify(observation))).toEqual(observation);
}

describe('observeKafkaCluster when the cluster cannot be reached', () => {
  it('reports a refused connection as a cluster error', { timeout: 10 * requestTimeoutMs }, async () => {
    const clusterId = uniqueName('refused');
    const observation = await observeKafkaCluster({ id: clusterId, brokers: ['127.0.0.1:1'] }, { requestTimeoutMs });
    expectClusterError(observation, clusterId, /ECONNREFUSED/, ['127.0.0.1:1']);
  });

  it('reports a broker that accepts and never answers after the request timeout', { timeout: 10 * requestTimeoutMs }, async () => {
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    const port = (silentServer.address() as net.AddressInfo).port;
    const clusterId = uniqueName('silent');
    const observation = await observeKafkaCluster({ id: clusterId, brokers: [`127.0.0.1:${port}`] }, { requestTimeoutMs });
    expectClusterError(observation, clusterId, new RegExp(`no answer within ${requestTimeoutMs} ms`), [`127.0.0.1:${port}`, String(port)]);
    // The request reached the silent broker: it was counted.
    expect(observation.requestCount).toBe(1);
  });

  it('tries the next bootstrap broker when the first one refuses', { timeout: 30_000 }, async () => {
    const observation = await observeKafkaCluster({ id: uniqueName('fallback'), brokers: ['127.0.0.1:1', ...testKafkaBrokers] }, { requestTimeoutMs: 5_000 });
    expect(observation.errors).toEqual([]);
    expect(observation.brokers.length).toBeGreaterThan(0);
  });
});
