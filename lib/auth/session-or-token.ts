import 'server-only';
import { getServerSession } from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { hashApiToken, verifyApiToken } from '@/lib/auth/api-tokens';
import { forgetRemembered, readWithOutageFallback } from '@/lib/database-outage/outage-fallback';
import { ApiError } from '@/lib/api/errors';
import type { Principal, Role } from '@/lib/auth/principal';

const bearerPrefix = /^Bearer\s+/i;

/** Resolves the caller from `Authorization: Bearer …` first, then from the session cookie. */
export async function resolvePrincipal(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    if (!bearerPrefix.test(authorization)) {
      throw new ApiError(401, 'unauthorized', 'Authorization header must be "Bearer <token>"');
    }
    const token = authorization.replace(bearerPrefix, '').trim();
    // While the database is down, a token verified within DATABASE_OUTAGE_GRACE_MS still reads
    // Kafka and Redis; once it is back every request is verified again (a revoked token fails).
    const cacheKey = `token:${hashApiToken(token)}`;
    const verified = await readWithOutageFallback(cacheKey, () => verifyApiToken(token));
    if (!verified) {
      forgetRemembered(cacheKey);
      throw new ApiError(401, 'unauthorized', 'Invalid, expired or revoked API token');
    }
    return { userId: verified.user.id, username: verified.user.username, role: verified.user.role as Role, via: 'token' };
  }
  const session = await getServerSession(await getAuthOptions());
  if (!session?.user?.id) {
    return null;
  }
  return { userId: session.user.id, username: session.user.name ?? '', role: session.user.role, via: 'session' };
}
