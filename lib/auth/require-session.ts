import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getAuthOptions } from '@/lib/auth/options';
import type { Principal } from '@/lib/auth/principal';

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requireSession(): Promise<Principal> {
  const session = await getServerSession(await getAuthOptions());
  if (!session?.user?.id) {
    redirect('/login');
  }
  return { userId: session.user.id, username: session.user.name ?? '', role: session.user.role, via: 'session' };
}
