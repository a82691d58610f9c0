import type { NextAuthOptions, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { isDatabaseUnavailable } from '@/lib/database-outage/is-database-unavailable';
import { describeError, log } from '@/lib/log';
import { getAuthSecret } from './secret';
import { findUserByCredentials, findUserById } from './users';
import { checkSignIn, headersFromRecord, recordSignInOutcome } from './sign-in-guard';

/**
 * next-auth v4: username + password against the users table, sessions as encrypted JWT
 * cookies. The JWT carries id, username and role; the user is re-read at most once a minute,
 * so disabling a user or changing their role takes effect without waiting for the cookie to expire.
 */

const recheckIntervalMs = 60_000;
const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

const credentialsSchema = z.object({ username: z.string(), password: z.string() });

class SessionUserGoneError extends Error {
  constructor() {
    super('the session user was deleted or disabled');
    this.name = 'SessionUserGoneError';
  }
}

async function recheckUser(token: JWT): Promise<JWT> {
  if (Date.now() - token.checkedAt < recheckIntervalMs) {
    return token;
  }
  if (typeof token.id !== 'string') {
    throw new SessionUserGoneError();
  }
  const user = await findUserById(token.id).catch((error: unknown) => {
    // The database is down: a session verified within the grace period stays signed in (and is
    // re-read as soon as the database answers, since checkedAt is left as it was) rather than
    // signing every operator out during an outage.
    if (isDatabaseUnavailable(error) && Date.now() - token.checkedAt < getConfig().databaseOutageGraceMs) return 'unverified' as const;
    throw error;
  });
  if (user === 'unverified') return token;
  if (!user || user.disabledAt) {
    // next-auth answers "no session" and clears the cookie when this callback throws.
    throw new SessionUserGoneError();
  }
  return { ...token, name: user.username, role: user.role, checkedAt: Date.now() };
}

/**
 * The credentials provider's check: the user for a right username and password, else null.
 * A throttled user or address is refused before the password is hashed (the sign-in route
 * answers 429 even earlier; this covers any other way into next-auth's callback).
 */
export async function authorizeCredentials(credentials: unknown, request?: { headers?: Record<string, unknown> }): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const headers = headersFromRecord(request?.headers);
  if (!checkSignIn(parsed.data.username, headers).allowed) return null;
  const user = await findUserByCredentials(parsed.data.username, parsed.data.password);
  recordSignInOutcome(parsed.data.username, headers, user !== null);
  return user ? { id: user.id, name: user.username, role: user.role } : null;
}

export const authOptions: NextAuthOptions = {
  providers: [
    CredentialsProvider({
      name: 'Lagboard account',
      credentials: {
        username: { label: 'Username', type: 'text' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: authorizeCredentials,
    }),
  ],
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/login' },
  // Read when next-auth handles a request, not when this module loads (e.g. during `next build`).
  get secret() {
    return getAuthSecret();
  },
  callbacks: {
    async jwt({ token, user }) {
      // `user` is only present right after sign-in (the types say otherwise).
      if (user) {
        return { ...token, id: user.id, name: user.name, role: user.role, checkedAt: Date.now() };
      }
      return recheckUser(token);
    },
    async session({ session, token }) {
      return { ...session, user: { id: token.id, name: token.name, role: token.role } };
    },
  },
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : metadata.error;
      if (error.name === 'SessionUserGoneError') {
        log.info('auth.session_ended', { reason: error.message });
        return;
      }
      log.error(`auth.${code.toLowerCase()}`, { error: describeError(error) });
    },
    warn(code) {
      log.warn(`auth.${code.toLowerCase()}`);
    },
    debug() {},
  },
};

/** The options for getServerSession() and the route handler. */
export async function getAuthOptions(): Promise<NextAuthOptions> {
  return authOptions;
}
