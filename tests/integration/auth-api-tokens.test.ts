import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from '@/lib/auth/api-tokens';
import { createUser, type PublicUser } from '@/lib/auth/users';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

describe('API tokens', () => {
  let database: Database;
  let user: PublicUser;
  const options = () => ({ db: database.prisma });
  beforeAll(async () => {
    database = createDatabase({ databaseUrl: await prepareTestDatabase() });
    user = await createUser({ username: uniqueName('token-owner'), password: 'owner-password', role: 'operator' }, options());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates lgb_ + 32 random bytes, and the database holds only its SHA-256', async () => {
    const { token, record } = await createApiToken(user.id, 'ci', options());
    expect(token).toMatch(/^lgb_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(record).toEqual({
      id: expect.any(String),
      name: 'ci',
      prefix: token.slice(0, 12),
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
    });

    const { rows } = await database.withExecutor(async (executor) => ({
      rows: await executor.query('SELECT * FROM "ApiToken" WHERE id = $1', [record.id]),
    }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: createHash('sha256').update(token).digest('hex') });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
  });

  it('verifies a token to its user, then fails once it is revoked', async () => {
    const { token, record } = await createApiToken(user.id, 'to revoke', options());
    await expect(verifyApiToken(token, options())).resolves.toEqual({
      user: { id: user.id, username: user.username, role: 'operator' },
      tokenId: record.id,
    });
    await expect(revokeApiToken(record.id, user.id, options())).resolves.toBe(true);
    await expect(verifyApiToken(token, options())).resolves.toBeNull();
    await expect(revokeApiToken(record.id, user.id, options())).resolves.toBe(false);
  });

  it('lets a user revoke only their own tokens; null (an admin) revokes any', async () => {
    const other = await createUser({ username: uniqueName('other'), password: 'other-password' }, options());
    const { token, record } = await createApiToken(user.id, 'owned', options());
    await expect(revokeApiToken(record.id, other.id, options())).resolves.toBe(false);
    await expect(verifyApiToken(token, options())).resolves.not.toBeNull();
    await expect(revokeApiToken(record.id, null, options())).resolves.toBe(true);
    await expect(verifyApiToken(token, options())).resolves.toBeNull();
  });

  it('rejects expired tokens, tokens of disabled users, and strings that are not tokens', async () => {
    const expired = await createApiToken(user.id, 'expired', { ...options(), expiresAt: new Date(Date.now() - 1_000) });
    await expect(verifyApiToken(expired.token, options())).resolves.toBeNull();

    const future = await createApiToken(user.id, 'expires later', { ...options(), expiresAt: new Date(Date.now() + 3_600_000) });
    await expect(verifyApiToken(future.token, options())).resolves.not.toBeNull();

    const disabled = await createUser({ username: uniqueName('disabled'), password: 'disabled-password' }, options());
    const disabledToken = await createApiToken(disabled.id, 'ci', options());
    await database.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await expect(verifyApiToken(disabledToken.token, options())).resolves.toBeNull();

    const valid = await createApiToken(user.id, 'valid', options());
    const unknown = `lgb_${'A'.repeat(43)}`;
    for (const candidate of ['', 'lgb_', unknown, valid.token.slice(0, -1), `${valid.token}x`, valid.token.toUpperCase()]) {
      await expect(verifyApiToken(candidate, options()), candidate).resolves.toBeNull();
    }
  });

  it('records lastUsedAt at most once a minute', async () => {
    const { token, record } = await createApiToken(user.id, 'usage', options());
    const start = new Date('2031-06-01T12:00:00.000Z');
    const lastUsed = async () => (await database.prisma.apiToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt;

    await verifyApiToken(token, { ...options(), now: start });
    expect(await lastUsed()).toEqual(start);
    await verifyApiToken(token, { ...options(), now: new Date(start.getTime() + 59_000) });
    expect(await lastUsed()).toEqual(start);
    const later = new Date(start.getTime() + 60_000);
    await verifyApiToken(token, { ...options(), now: later });
    expect(await lastUsed()).toEqual(later);
  });

  it('lists a user’s tokens newest first, without hashes', async () => {
    const owner = await createUser({ username: uniqueName('lister'), password: 'lister-password' }, options());
    const first = await createApiToken(owner.id, 'first', options());
    const second = await createApiToken(owner.id, 'second', options());
    await database.prisma.apiToken.update({ where: { id: first.record.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await revokeApiToken(first.record.id, owner.id, options());
    const listed = await listApiTokens(owner.id, options());
    expect(listed.map((token) => token.name)).toEqual(['second', 'first']);
    expect(listed[1]?.revokedAt).toBeInstanceOf(Date);
    for (const token of listed) {
      expect(Object.keys(token).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
    }
    expect(JSON.stringify(listed)).not.toContain(second.token);
  });

  it('refuses an empty token name', async () => {
    await expect(createApiToken(user.id, '   ', options())).rejects.toThrow(/must not be empty/);
  });
});
