/**
 * Redis could not be reached (refused, timed out, closed, authentication failed). The message
 * names only the kind of failure: ioredis messages carry host, port and sometimes the URL,
 * and this message may end up in an API response or a log.
 */
export class RedisUnavailableError extends Error {
  readonly reason: RedisUnavailableReason;

  constructor(reason: RedisUnavailableReason) {
    super(`Redis is unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
    this.reason = reason;
  }
}

export type RedisUnavailableReason =
  | 'connection refused'
  | 'connection timed out'
  | 'connection reset'
  | 'host not found'
  | 'authentication failed'
  | 'command timed out'
  | 'not connected'
  | 'unexpected connection error';

const reasonsByCode: Record<string, RedisUnavailableReason> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
};

/** Maps any connection-level failure to a RedisUnavailableError without copying its message. */
export function toRedisUnavailableError(error: unknown): RedisUnavailableError {
  if (error instanceof RedisUnavailableError) {
    return error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const byCode = typeof code === 'string' ? reasonsByCode[code] : undefined;
  if (byCode) {
    return new RedisUnavailableError(byCode);
  }
  if (/^(NOAUTH|WRONGPASS)\b|invalid password|invalid username/i.test(message)) {
    return new RedisUnavailableError('authentication failed');
  }
  if (/command timed out/i.test(message)) {
    return new RedisUnavailableError('command timed out');
  }
  if (/connect ETIMEDOUT/i.test(message)) {
    return new RedisUnavailableError('connection timed out');
  }
  if (/connection is closed|isn't writeable|not connected/i.test(message)) {
    return new RedisUnavailableError('not connected');
  }
  return new RedisUnavailableError('unexpected connection error');
}

/**
 * True for an error Redis itself replied to one command (WRONGTYPE, NOGROUP, ERR no such key):
 * it concerns that command only. Anything else means the connection is not usable.
 */
export function isRedisReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}
