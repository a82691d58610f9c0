import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { resolvePrincipal } from '@/lib/auth/session-or-token';
import { isStillAuthorized } from '@/lib/auth/still-authorized';
import type { Principal, Role } from '@/lib/auth/principal';
import { ApiError, badRequest, errorResponse, toErrorResponse } from '@/lib/api/errors';
import { assertSameOriginWrite } from '@/lib/api/cross-site';
import { resolveResourceScope, type ResourceOption, type ResourceScopes, type RouteParams } from '@/lib/api/resource-scope';

/**
 * The one wrapper every route handler goes through:
 *
 *   export const GET = withAuth(handler, { resource, role? })
 *
 * - `resource` (required, so a route cannot forget it) declares what the route serves, and the
 *   handler receives `scope`, already checked against the caller's teams (another team's
 *   resource is a 404 before the handler runs):
 *     'none'         → scope null                       (tokens, preferences, teams, share links, status)
 *     'list'         → { teamScope }                    (lists the handler filters: groups, streams, metrics)
 *     'kafka_group'  → { clusterId, groupId }           (path `{group_id}` + `cluster_id`)
 *     'kafka_topic'  → { clusterId, topic }             (path `{topic_name}` + `cluster_id`)
 *     'redis_stream' → { stream, segmentsAfterStream }  (path `/streams/{stream}/…`, decoded once)
 * - `role` defaults to 'viewer'.
 * - Session (cookie) writes must be same-origin and JSON (lib/api/cross-site.ts); read bodies
 *   with readJsonBody (lib/api/read-json-body.ts), which enforces the size limit.
 * - `stillAuthorized()` re-checks the caller (token revoked or expired, user disabled or
 *   demoted, resource no longer visible): long-lived responses (SSE) call it periodically.
 * - Every thrown error becomes the JSON error shape; handlers hold no try/catch of their own.
 * Params are untyped strings from the path: parse them with zod in the handler.
 */

export interface HandlerContext<Kind extends ResourceOption> {
  request: Request;
  params: RouteParams;
  searchParams: URLSearchParams;
  principal: Principal;
  scope: ResourceScopes[Kind];
  stillAuthorized: () => Promise<boolean>;
}

export interface WithAuthOptions<Kind extends ResourceOption> {
  resource: Kind;
  role?: Role;
}

type RouteContext = { params: Promise<RouteParams> };

/**
 * No real client puts NUL in a query value, and PostgreSQL text cannot hold one: refusing it here
 * keeps every filter that reaches the database (alerts, audit, history) from failing with a 500.
 */
function assertNoNulInQuery(searchParams: URLSearchParams): void {
  for (const [name, value] of searchParams) {
    if (name.includes('\u0000') || value.includes('\u0000')) throw badRequest(`Query parameter "${name.replaceAll('\u0000', '')}" must not contain NUL characters`);
  }
}

export function withAuth<Kind extends ResourceOption>(
  handler: (context: HandlerContext<Kind>) => Promise<Response | object>,
  options: WithAuthOptions<Kind>,
) {
  const role = options.role ?? 'viewer';
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    const route = new URL(request.url).pathname;
    try {
      const principal = await resolvePrincipal(request);
      if (!principal) {
        return errorResponse(401, 'unauthorized', 'Sign in or send an API token (Authorization: Bearer <token>)');
      }
      if (principal.via === 'session') assertSameOriginWrite(request);
      if (!hasRole(principal.role, role)) {
        throw new ApiError(403, 'forbidden', `This needs the ${role} role`);
      }
      const params = await routeContext.params;
      const searchParams = new URL(request.url).searchParams;
      assertNoNulInQuery(searchParams);
      const scopeInput = { request, params, searchParams, principal };
      const scope = await resolveResourceScope(options.resource, scopeInput);
      const stillAuthorized = () => isStillAuthorized(request, principal, role, () => resolveResourceScope(options.resource, scopeInput));
      const result = await handler({ request, params, searchParams, principal, scope, stillAuthorized });
      return result instanceof Response ? result : Response.json(result, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return toErrorResponse(error, route);
    }
  };
}
