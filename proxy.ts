import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { isHttpsRequest, securityHeaders } from '@/lib/security/security-headers';

/**
 * Runs before every page and API request. It sets the security headers (lib/security), and
 * sends signed-out browsers asking for a page to /login — first line only: it looks for the
 * session cookie without verifying it; every page layout and every API handler checks the
 * session (or API token) again where the data is read. API routes are not redirected: they
 * answer 401 JSON themselves.
 */
const sessionCookieNames = ['next-auth.session-token', '__Secure-next-auth.session-token'];
// Reachable without a session: the API (its own check), sign-in, public share links, static files.
const publicPathPattern = /^\/(?:api\/|login(?:\/|$)|share\/|_next\/|favicon\.ico$|icon\.svg$|robots\.txt$)/;

function withSecurityHeaders(request: NextRequest, response: NextResponse): NextResponse {
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    https: isHttpsRequest(request.nextUrl, request.headers.get('x-forwarded-proto')),
    shareLinkFrameAncestors: getConfig().security.shareLinkFrameAncestors,
    development: process.env.NODE_ENV === 'development',
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Malformed percent-encoding (`%zz`, a cut UTF-8 sequence) would make the router fail with a 500. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

function malformedPathResponse(request: NextRequest): NextResponse {
  const error = { code: 'invalid_request', message: 'The path is not valid percent-encoding' };
  const response = request.nextUrl.pathname.startsWith('/api/')
    ? NextResponse.json({ error }, { status: 400, headers: { 'cache-control': 'no-store' } })
    : new NextResponse(error.message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return withSecurityHeaders(request, response);
}

export function proxy(request: NextRequest): NextResponse {
  if (hasMalformedEncoding(request.nextUrl.pathname)) return malformedPathResponse(request);
  const hasSessionCookie = sessionCookieNames.some((name) => request.cookies.has(name));
  if (hasSessionCookie || publicPathPattern.test(request.nextUrl.pathname)) {
    return withSecurityHeaders(request, NextResponse.next());
  }
  const loginUrl = new URL('/login', request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== '/') {
    loginUrl.searchParams.set('callbackUrl', target);
  }
  return withSecurityHeaders(request, NextResponse.redirect(loginUrl));
}

export const config = {
  // Everything but Next's hashed static chunks and image optimiser (no HTML there).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
