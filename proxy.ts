import { NextResponse, type NextRequest } from 'next/server';

/**
 * First line only: signed-out browsers asking for a page are sent to /login. It looks for
 * the session cookie without verifying it; every page layout and every API handler checks
 * the session (or API token) again where the data is read. API routes are not redirected:
 * they answer 401 JSON themselves.
 */
const sessionCookieNames = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest): NextResponse {
  const hasSessionCookie = sessionCookieNames.some((name) => request.cookies.has(name));
  if (hasSessionCookie) {
    return NextResponse.next();
  }
  const loginUrl = new URL('/login', request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== '/') {
    loginUrl.searchParams.set('callbackUrl', target);
  }
  return NextResponse.redirect(loginUrl);
}

export const config = {
  // Everything but the API, the sign-in page, public share links and static files.
  matcher: ['/((?!api/|login|share/|_next/|favicon\\.ico|robots\\.txt).*)'],
};
