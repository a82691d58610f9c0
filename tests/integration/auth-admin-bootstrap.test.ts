import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { openDatabase } from '@/lib/db/open-database';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

describe('first admin from LAGBOARD_ADMIN_USER / LAGBOARD_ADMIN_PASSWORD', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await prepareTestDatabase();
  });

  const start = (adminUser: string, adminPassword: string) =>
    openDatabase({
      database: { url: databaseUrl, embeddedDataDir: 'unused' },
      auth: { secret: null, adminUser, adminPassword },
    });

  it('creates exactly one admin, and a second start does not overwrite it', async () => {
    const adminUser = uniqueName('root');
    const first = await start(adminUser, 'first-password');
    try {
      const admins = await first.prisma.user.findMany({ where: { username: adminUser } });
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ role: 'admin', disabledAt: null });
    } finally {
      await first.close();
    }

    const second = await start(adminUser, 'changed-password');
    try {
      const admins = await second.prisma.user.findMany({ where: { username: adminUser } });
      expect(admins).toHaveLength(1);
      await expect(verifyPassword(admins[0]!.passwordHash, 'first-password')).resolves.toBe(true);
      await expect(verifyPassword(admins[0]!.passwordHash, 'changed-password')).resolves.toBe(false);
    } finally {
      await second.close();
    }
  });

  it('creates one admin when several instances start at once', async () => {
    const adminUser = uniqueName('root');
    const databases = await Promise.all([1, 2, 3].map(() => start(adminUser, 'same-password')));
    try {
      await expect(databases[0]!.prisma.user.count({ where: { username: adminUser } })).resolves.toBe(1);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });
});

describe('getDb() in lib/db.ts', () => {
  const adminUser = uniqueName('env-admin');
  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', await prepareTestDatabase());
    vi.stubEnv('LAGBOARD_ADMIN_USER', adminUser);
    vi.stubEnv('LAGBOARD_ADMIN_PASSWORD', 'env-admin-password');
  });
  afterAll(async () => {
    const { closeDb } = await import('@/lib/db');
    await closeDb();
    vi.unstubAllEnvs();
  });

  it('starts once for concurrent callers, with the admin from the environment', async () => {
    const { getDb } = await import('@/lib/db');
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(second).toBe(first);
    await expect(first.user.findUnique({ where: { username: adminUser } })).resolves.toMatchObject({ role: 'admin' });
  });
});
