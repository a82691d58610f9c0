import { ResponseError, type API, type Connection, type ConnectionPool } from '@platformatic/kafka';

export interface BrokerAddress {
  host: string;
  port: number;
}

/** Everything one observation needs to send requests: the cached pool, addresses, a deadline, a counter. */
export interface RequestContext {
  pool: ConnectionPool;
  bootstrapBrokers: BrokerAddress[];
  /** Filled from the Metadata response. */
  brokersById: Map<number, BrokerAddress>;
  requestTimeoutMs: number;
  countRequest(apiName: string, nodeId: number | null): void;
}

export class RequestDeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RequestDeadlineError';
  }
}

export class UnknownBrokerError extends Error {
  constructor(readonly nodeId: number) {
    super(`broker ${nodeId} is not in the cluster metadata`);
    this.name = 'UnknownBrokerError';
  }
}

/**
 * Rejects after `timeoutMs` even when the library never calls back. The library has its own
 * connect and request timeouts, but a deadline here also bounds queueing behind other requests
 * on the same connection and any path where a callback could be lost.
 */
export function withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RequestDeadlineError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** `host:port` or `[ipv6]:port`, as KafkaClusterConfig holds them. */
export function parseBrokerAddress(text: string): BrokerAddress {
  const separatorIndex = text.lastIndexOf(':');
  const host = text.slice(0, separatorIndex).replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(text.slice(separatorIndex + 1)) };
}

async function send<Arguments extends unknown[], Response>(
  context: RequestContext,
  connection: Connection,
  nodeId: number | null,
  apiName: string,
  api: API<Arguments, Response>,
  args: Arguments,
): Promise<Response> {
  context.countRequest(apiName, nodeId);
  try {
    return await withDeadline(api.async(connection, ...args), context.requestTimeoutMs);
  } catch (error) {
    // The library throws when any item of an answer carries an error code, and attaches the
    // whole answer: keep it, the readers look at each item's code and report them one by one.
    if (error instanceof ResponseError && error.response) {
      return error.response as Response;
    }
    throw error;
  }
}

/** One request to one broker, by node id. */
export async function sendToBroker<Arguments extends unknown[], Response>(
  context: RequestContext,
  nodeId: number,
  apiName: string,
  api: API<Arguments, Response>,
  args: Arguments,
): Promise<Response> {
  const broker = context.brokersById.get(nodeId);
  if (!broker) {
    throw new UnknownBrokerError(nodeId);
  }
  const connection = await withDeadline(context.pool.get(broker), context.requestTimeoutMs);
  return send(context, connection, nodeId, apiName, api, args);
}

/** One request to whichever broker answers first: bootstrap brokers, then the discovered ones. */
export async function sendToAnyBroker<Arguments extends unknown[], Response>(
  context: RequestContext,
  apiName: string,
  api: API<Arguments, Response>,
  args: Arguments,
): Promise<Response> {
  const candidates = [...context.bootstrapBrokers, ...context.brokersById.values()];
  // The pool tries the candidates one after another, each with its own connect timeout.
  const connection = await withDeadline(
    context.pool.getFirstAvailable(candidates),
    context.requestTimeoutMs * Math.max(1, context.bootstrapBrokers.length),
  );
  return send(context, connection, null, apiName, api, args);
}
