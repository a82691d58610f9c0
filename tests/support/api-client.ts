import { createApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import type { Role } from '@/lib/auth/roles';
import { uniqueName } from './test-env';

type RouteHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** A user with the role and a bearer token for them, in the suite's database. */
export async function createTestToken(role: Role = 'viewer'): Promise<string> {
  const { user } = await upsertUser({ username: uniqueName(`api-${role}`), password: 'integration-password', role });
  const { token } = await createApiToken(user.id, 'integration');
  return token;
}

/**
 * Calls a route handler in-process exactly as Next.js does (a Request and a params promise),
 * so API tests exercise the real wrapper, auth, validation and sources without a server.
 */
export async function callRoute<Params>(
  handler: RouteHandler<Params>,
  options: { path: string; params: Params; token?: string | null; method?: string; body?: unknown },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers = new Headers();
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(`http://lagboard.test${options.path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (Prometheus text, for example): the raw text is the body.
  }
  return { status: response.status, body, headers: response.headers };
}
