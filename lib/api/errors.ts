import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@/lib/database-outage/is-database-unavailable';
import { noteDatabaseOutage } from '@/lib/database-outage/outage-fallback';
import { describeError, log } from '@/lib/log';

export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_request'
  | 'cross_site_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'source_unavailable'
  | 'database_unavailable'
  | 'timeout'
  | 'internal_error';

/** An error a handler throws on purpose: its code and message are safe to show a client. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'invalid_request', message, details);

/** Seconds a client should wait before asking again while the database is down. */
export const databaseRetryAfterSeconds = 10;

export function errorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
): Response {
  const error = details === undefined ? { code, message } : { code, message, details };
  const allHeaders: Record<string, string> = { 'cache-control': 'no-store', ...headers };
  if (code === 'database_unavailable') allHeaders['retry-after'] = String(databaseRetryAfterSeconds);
  return Response.json({ error }, { status, headers: allHeaders });
}

export const databaseUnavailableMessage = 'The database is unavailable; history, teams, tokens and settings need it. Retry shortly.';

/** Maps anything a handler throws to the JSON error shape; unknown errors become a generic 500. */
export function toErrorResponse(error: unknown, route: string): Response {
  if (error instanceof ApiError) {
    return errorResponse(error.status, error.code, error.message, error.details, error.headers);
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ parameter: issue.path.join('.'), problem: issue.message }));
    return errorResponse(400, 'invalid_request', 'Invalid request parameters', issues);
  }
  if (isDatabaseUnavailable(error)) {
    // Logged once per outage; the error's text may name the server, so it is not returned.
    noteDatabaseOutage(error);
    return errorResponse(503, 'database_unavailable', databaseUnavailableMessage);
  }
  log.error('api.unhandled_error', { route, error: describeError(error) });
  return errorResponse(500, 'internal_error', 'Internal error; the server log has details');
}
