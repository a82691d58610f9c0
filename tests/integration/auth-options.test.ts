import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authOptions, authorizeCredentials, getAuthOptions } from '@/lib/auth/options';
import { createUser, type PublicUser } from '@/lib/auth/users';
import { closeDb, getDb } from '@/lib/db';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

/** next-auth's configuration, driven the way next-auth drives it, against the real users table. */
describe('authOptions', () => {
  let user: PublicUser;
  beforeAll(async () => {
    // lib/db.ts reads its settings once, on first use: set them before that.
    vi.stubEnv('DATABASE_URL', await prepareTestDatabase());
    vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-that-is-long-enough-for-next-auth');
    vi.stubEnv('LAGBOARD_ADMIN_USER', '');
    vi.stubEnv('LAGBOARD_ADMIN_PASSWORD', '');
    user = await createUser({ username: uniqueName('signin'), password: 'signin-password', role: 'operator' }, { db: await getDb() });
  });
  afterAll(async () => {
    await closeDb();
    vi.unstubAllEnvs();
  });

  it('uses JWT sessions, the /login page and the configured secret', async () => {
    expect(await getAuthOptions()).toBe(authOptions);
    expect(authOptions.session?.strategy).toBe('jwt');
    expect(authOptions.pages?.signIn).toBe('/login');
    expect(authOptions.secret).toBe('a-test-secret-that-is-long-enough-for-next-auth');
    expect(authOptions.providers.map((provider) => provider.id)).toEqual(['credentials']);
  });

  it('signs in with the right username and password only', async () => {
    await expect(authorizeCredentials({ username: user.username, password: 'signin-password' })).resolves.toEqual({
      id: user.id,
      name: user.username,
      role: 'operator',
    });
    await expect(authorizeCredentials({ username: user.username, password: 'wrong' })).resolves.toBeNull();
    await expect(authorizeCredentials({ username: uniqueName('nobody'), password: 'signin-password' })).resolves.toBeNull();
    await expect(authorizeCredentials(undefined)).resolves.toBeNull();
    await expect(authorizeCredentials({ username: user.username })).resolves.toBeNull();
  });

  it('puts id, username and role into the token and the session', async () => {
    const signedIn = await authorizeCredentials({ username: user.username, password: 'signin-password' });
    const token = await authOptions.callbacks!.jwt!({ token: { sub: user.id } as JWT, user: signedIn!, account: null });
    expect(token).toMatchObject({ id: user.id, name: user.username, role: 'operator', checkedAt: expect.any(Number) });
    const session = await authOptions.callbacks!.session!({
      session: { user: { id: '', name: '', role: 'viewer' }, expires: new Date(Date.now() + 60_000).toISOString() },
      token,
      user: undefined as never,
      newSession: undefined,
      trigger: 'update',
    });
    expect(session.user).toEqual({ id: user.id, name: user.username, role: 'operator' });
  });

  it('re-reads the user after a minute: a role change applies, a disabled user loses the session', async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const fresh: JWT = { id: user.id, name: user.username, role: 'operator', checkedAt: Date.now() };
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { role: 'admin' } });
    await expect(jwt({ token: fresh, user: undefined as never, account: null })).resolves.toMatchObject({ role: 'operator' });

    const stale: JWT = { ...fresh, checkedAt: Date.now() - 61_000 };
    await expect(jwt({ token: stale, user: undefined as never, account: null })).resolves.toMatchObject({ role: 'admin' });

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(jwt({ token: stale, user: undefined as never, account: null })).rejects.toThrow(/deleted or disabled/);
  });
});
