import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiResponse {
  description: string;
  /** The zod schema of the JSON body; the route's tests validate real responses with it. */
  schema?: z.ZodType;
  /** For bodies that are not JSON (Prometheus text, Server-Sent Events). */
  contentType?: 'text/plain' | 'text/event-stream';
  example?: unknown;
}

/**
 * One route and method. `pathParameters`, `query` and `body` must be the very schema objects
 * the route handler parses with (import them from the area's api-schemas module), so the
 * description is generated from what the handler really accepts.
 */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path with `{name}` parameters, the same names as the app/api folder's `[name]`. */
  path: string;
  summary: string;
  description?: string;
  /** The lowest role allowed; `public` needs no credentials. Default viewer. */
  role?: Role | 'public';
  pathParameters?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  /** Success responses by status; the common errors (400, 401, 403, 404, 503) are added for every operation. */
  responses: Record<number, ApiResponse>;
}

/** One area of the API (a tag in the description, a section of the reference page). */
export interface ApiArea {
  name: string;
  description: string;
  operations: ApiOperation[];
}
