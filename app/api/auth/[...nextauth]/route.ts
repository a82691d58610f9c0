import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { refuseThrottledSignIn } from '@/lib/auth/sign-in-refusal';
import { toErrorResponse } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

// next-auth's own sign-in, session and sign-out endpoints (public by design, no withAuth), with
// sign-in attempts throttled before next-auth (and the password hash) sees them.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    const params = await context.params;
    const refusal = await refuseThrottledSignIn(request, params.nextauth);
    if (refusal) return refusal;
    return await NextAuth(await getAuthOptions())(request, { params });
  } catch (error) {
    return toErrorResponse(error, '/api/auth');
  }
}

export { handler as GET, handler as POST };
