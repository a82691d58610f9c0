import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

// next-auth's own sign-in, session and sign-out endpoints (public by design).
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(await getAuthOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
