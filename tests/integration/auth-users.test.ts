import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByCredentials, upsertUser } from '@/lib/auth/users';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

describe('users', () => {
  let database: Database;
  const db = () => database.prisma;
  beforeAll(async () => {
    database = createDatabase({ databaseUrl: await prepareTestDatabase() });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a user with a hashed password and a viewer role by default', async () => {
    const username = uniqueName('alice');
    const user = await createUser({ username, password: 'alice-password' }, { db: db() });
    expect(user).toEqual({ id: expect.any(String), username, role: 'viewer', createdAt: expect.any(Date), disabledAt: null });
    expect(user).not.toHaveProperty('passwordHash');
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('finds a user by the right credentials only', async () => {
    const username = uniqueName('bob');
    const created = await createUser({ username, password: 'bob-password', role: 'operator' }, { db: db() });
    await expect(findUserByCredentials(username, 'bob-password', { db: db() })).resolves.toEqual(created);
    await expect(findUserByCredentials(username, 'wrong-password', { db: db() })).resolves.toBeNull();
    await expect(findUserByCredentials(uniqueName('nobody'), 'bob-password', { db: db() })).resolves.toBeNull();
    await expect(findUserByCredentials('not a valid name!', 'bob-password', { db: db() })).resolves.toBeNull();
  });

  it('refuses a disabled user even with the right password', async () => {
    const username = uniqueName('carol');
    const user = await createUser({ username, password: 'carol-password' }, { db: db() });
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(findUserByCredentials(username, 'carol-password', { db: db() })).resolves.toBeNull();
  });

  it('rejects invalid usernames, short passwords and duplicates', async () => {
    await expect(createUser({ username: 'has space', password: 'long-enough' }, { db: db() })).rejects.toThrow(/letters, digits/);
    await expect(createUser({ username: uniqueName('dave'), password: 'abc' }, { db: db() })).rejects.toThrow(/at least 4/);
    const username = uniqueName('erin');
    await createUser({ username, password: 'erin-password' }, { db: db() });
    await expect(createUser({ username, password: 'erin-password' }, { db: db() })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('upsertUser creates, then changes the password, and the role only when given', async () => {
    const username = uniqueName('frank');
    const first = await upsertUser({ username, password: 'first-password', role: 'admin' }, { db: db() });
    expect(first).toMatchObject({ created: true, user: { username, role: 'admin' } });
    const second = await upsertUser({ username, password: 'second-password' }, { db: db() });
    expect(second).toMatchObject({ created: false, user: { id: first.user.id, role: 'admin' } });
    await expect(findUserByCredentials(username, 'first-password', { db: db() })).resolves.toBeNull();
    await expect(findUserByCredentials(username, 'second-password', { db: db() })).resolves.toMatchObject({ id: first.user.id });
    const third = await upsertUser({ username, password: 'second-password', role: 'viewer' }, { db: db() });
    expect(third.user.role).toBe('viewer');
    await expect(db().user.count({ where: { username } })).resolves.toBe(1);
  });
});
