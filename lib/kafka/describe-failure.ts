import { protocolErrorsCodesById, TimeoutError } from '@platformatic/kafka';
import { RequestDeadlineError, UnknownBrokerError } from './broker-requests';

/** The broker does not speak any version of an API this module implements. */
export class UnsupportedByBrokerError extends Error {
  constructor(readonly apiName: string) {
    super(`the broker does not support a usable version of ${apiName}`);
    this.name = 'UnsupportedByBrokerError';
  }
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  apiId?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Depth-first over `cause` and AggregateError `errors`, as the library nests its errors. */
function* errorChain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (depth > 8 || typeof error !== 'object' || error === null) {
    return;
  }
  const errorLike = error as ErrorLike;
  yield errorLike;
  yield* errorChain(errorLike.cause, depth + 1);
  if (Array.isArray(errorLike.errors)) {
    for (const inner of errorLike.errors) {
      yield* errorChain(inner, depth + 1);
    }
  }
}

/** Kafka's name for an error code, e.g. 15 -> COORDINATOR_NOT_AVAILABLE. */
export function kafkaErrorName(errorCode: number): string {
  return protocolErrorsCodesById[errorCode] ?? `Kafka error code ${errorCode}`;
}

/**
 * A short, safe sentence for a failed request. Built only from error kinds, Kafka error names
 * and operating-system error codes: the library's own messages name host:port, and stack
 * traces never leave this module.
 */
export function describeFailure(error: unknown, requestTimeoutMs: number): string {
  const chain = [...errorChain(error)];
  const direct = chain[0];
  if (error instanceof UnsupportedByBrokerError || error instanceof UnknownBrokerError) {
    return error.message;
  }
  if (chain.some((item) => item instanceof RequestDeadlineError || item instanceof TimeoutError)) {
    return `no answer within ${requestTimeoutMs} ms`;
  }
  const kafkaError = chain.find((item) => typeof item.apiId === 'string');
  if (kafkaError) {
    return `Kafka answered ${String(kafkaError.apiId)}`;
  }
  const systemCode = chain.map((item) => item.code).find((code) => typeof code === 'string' && /^E[A-Z]+$/.test(code));
  if (systemCode) {
    return `connection failed (${String(systemCode)})`;
  }
  if (chain.some((item) => item.code === 'PLT_KFK_NETWORK' || item.name === 'NetworkError')) {
    return 'connection failed or closed';
  }
  if (chain.some((item) => item.code === 'PLT_KFK_UNSUPPORTED_API')) {
    return 'the broker does not support this request';
  }
  return `unexpected error (${typeof direct?.name === 'string' ? direct.name : 'unknown'})`;
}

/** Belt and braces: whatever text reaches an observation loses anything shaped like host:port. */
export function withoutAddresses(message: string): string {
  return message
    .replace(/\[[0-9A-Fa-f:]+\]:\d+/g, '<address>')
    .replace(/\b[A-Za-z0-9._-]+:\d{1,5}\b/g, '<address>');
}
