import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { resolvePrincipal } from '@/lib/auth/session-or-token';
import type { Principal, Role } from '@/lib/auth/principal';
import { ApiError, errorResponse, toErrorResponse } from '@/lib/api/errors';

export interface HandlerContext<Params> {
  request: Request;
  params: Params;
  searchParams: URLSearchParams;
  principal: Principal;
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one wrapper every route handler goes through: it authenticates (session or bearer
 * token), checks the role, and maps every thrown error to the JSON error shape, so
 * handlers hold no auth checks or try/catch of their own.
 */
export function withAuth<Params = Record<string, never>>(
  handler: (context: HandlerContext<Params>) => Promise<Response | object>,
  options: { role: Role } = { role: 'viewer' },
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const route = new URL(request.url).pathname;
    try {
      const principal = await resolvePrincipal(request);
      if (!principal) {
        return errorResponse(401, 'unauthorized', 'Sign in or send an API token (Authorization: Bearer <token>)');
      }
      if (!hasRole(principal.role, options.role)) {
        throw new ApiError(403, 'forbidden', `This needs the ${options.role} role`);
      }
      const params = await routeContext.params;
      const result = await handler({ request, params, searchParams: new URL(request.url).searchParams, principal });
      return result instanceof Response ? result : Response.json(result, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return toErrorResponse(error, route);
    }
  };
}
