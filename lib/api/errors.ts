import { ZodError } from 'zod';
import { describeError, log } from '@/lib/log';

export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_request'
  | 'source_unavailable'
  | 'timeout'
  | 'internal_error';

/** An error a handler throws on purpose: its code and message are safe to show a client. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'invalid_request', message, details);

export function errorResponse(status: number, code: ApiErrorCode, message: string, details?: unknown): Response {
  const error = details === undefined ? { code, message } : { code, message, details };
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Maps anything a handler throws to the JSON error shape; unknown errors become a generic 500. */
export function toErrorResponse(error: unknown, route: string): Response {
  if (error instanceof ApiError) {
    return errorResponse(error.status, error.code, error.message, error.details);
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ parameter: issue.path.join('.'), problem: issue.message }));
    return errorResponse(400, 'invalid_request', 'Invalid request parameters', issues);
  }
  log.error('api.unhandled_error', { route, error: describeError(error) });
  return errorResponse(500, 'internal_error', 'Internal error; the server log has details');
}
