import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Order of arrival across every receiver in the test file. */
  sequence: number;
}

/** How to answer one request: a status, or hold it until `release()` (a slow or hung receiver). */
export type Answer = { status: number } | 'hold';

let arrivals = 0;

/**
 * A real HTTP receiver on 127.0.0.1 (node:http, ephemeral port) that records exactly what
 * arrives. `answers` are used in order, then `fallback` for every later request.
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly held: ServerResponse[] = [];
  private answers: Answer[] = [];
  private fallback: Answer = { status: 200 };
  private readonly arrivalWaiters: { count: number; resolve: () => void }[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<HttpReceiver> {
    const server = createServer();
    const receiver = new HttpReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        receiver.requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          sequence: ++arrivals,
        });
        receiver.notifyArrivals();
        const answer = receiver.answers.shift() ?? receiver.fallback;
        if (answer === 'hold') receiver.held.push(response);
        else response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.status < 300 ? 'ok' : 'receiver error');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers to use for the next requests, in order; `fallback` afterwards. */
  respond(answers: Answer[], fallback: Answer = { status: 200 }): void {
    this.answers = [...answers];
    this.fallback = fallback;
  }

  /** Resolves once at least `count` requests have arrived in total. */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.arrivalWaiters.push({ count, resolve }));
  }

  /** Answers every held request with `status`. */
  release(status = 200): void {
    for (const response of this.held.splice(0)) {
      if (!response.destroyed) response.writeHead(status).end('released');
    }
  }

  jsonBodies<T = Record<string, unknown>>(): T[] {
    return this.requests.map((request) => JSON.parse(request.body) as T);
  }

  async close(): Promise<void> {
    for (const response of this.held.splice(0)) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notifyArrivals(): void {
    for (const waiter of [...this.arrivalWaiters]) {
      if (this.requests.length >= waiter.count) {
        this.arrivalWaiters.splice(this.arrivalWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
