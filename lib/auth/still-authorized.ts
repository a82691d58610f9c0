import 'server-only';
import { verifyApiToken } from '@/lib/auth/api-tokens';
import { hasRole } from '@/lib/auth/roles';
import { findUserById } from '@/lib/auth/users';
import type { Principal, Role } from '@/lib/auth/principal';
import { describeError, log } from '@/lib/log';

const bearerPrefix = /^Bearer\s+/i;

/**
 * For responses that outlive the request check (Server-Sent Events): is the caller still who
 * they were? The token must still be valid (not revoked, not expired), the user not disabled,
 * the role still high enough, and the resource still visible to them. Fails closed: when the
 * database cannot answer, the stream ends and the client's reconnect is checked afresh.
 */
export async function isStillAuthorized(
  request: Request,
  principal: Principal,
  role: Role,
  recheckScope: () => Promise<unknown>,
): Promise<boolean> {
  try {
    let currentRole: Role;
    if (principal.via === 'token') {
      const token = (request.headers.get('authorization') ?? '').replace(bearerPrefix, '').trim();
      const verified = await verifyApiToken(token);
      if (!verified) return false;
      currentRole = verified.user.role;
    } else {
      const user = await findUserById(principal.userId);
      if (!user || user.disabledAt) return false;
      currentRole = user.role;
    }
    if (!hasRole(currentRole, role)) return false;
    await recheckScope();
    return true;
  } catch (error) {
    log.info('auth.live_recheck_refused', { reason: describeError(error) });
    return false;
  }
}
