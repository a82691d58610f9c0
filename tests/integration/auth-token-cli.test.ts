import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiToken } from '@/lib/auth/api-tokens';
import { createUser } from '@/lib/auth/users';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { lockPathFor } from '@/lib/db/folder-lock';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

const projectRoot = path.resolve(__dirname, '..', '..');

function runTokenCreate(databaseUrl: string, args: string[], extraEnvironment: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, ...extraEnvironment };
  delete environment.LAGBOARD_ADMIN_USER;
  delete environment.LAGBOARD_ADMIN_PASSWORD;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'token:create', '--', ...args], { cwd: projectRoot, env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run token:create', () => {
  let databaseUrl: string;
  let database: Database;
  beforeAll(async () => {
    databaseUrl = await prepareTestDatabase();
    database = createDatabase({ databaseUrl });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('prints a working token for the user on the last line of stdout', async () => {
    const user = await createUser({ username: uniqueName('cli-user'), password: 'cli-password', role: 'operator' }, { db: database.prisma });
    const result = await runTokenCreate(databaseUrl, [user.username, 'nightly', 'export']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const token = lines.at(-1) ?? '';
    expect(token).toMatch(/^lgb_[A-Za-z0-9_-]{43}$/);
    await expect(verifyApiToken(token, { db: database.prisma })).resolves.toMatchObject({
      user: { id: user.id, username: user.username, role: 'operator' },
    });
    const stored = await database.prisma.apiToken.findMany({ where: { userId: user.id } });
    expect(stored.map((record) => record.name)).toEqual(['nightly export']);
  });

  it('exits 1 with a clear message for an unknown user and creates nothing', async () => {
    const username = uniqueName('ghost');
    const before = await database.prisma.apiToken.count();
    const result = await runTokenCreate(databaseUrl, [username]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no user named "${username}"`);
    expect(result.stdout).not.toMatch(/lgb_/);
    await expect(database.prisma.apiToken.count()).resolves.toBe(before);
  });

  it('refuses, pointing to the API tokens page, while another process holds the embedded database', async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'lagboard-cli-pglite-')), 'pglite');
    // This test process plays the running dashboard: it opens the folder and keeps it open.
    const dashboard = createDatabase({ pgliteDir: folder });
    try {
      await dashboard.migrate();
      const user = await createUser({ username: uniqueName('pglite-user'), password: 'cli-password' }, { db: dashboard.prisma });
      const refused = await runTokenCreate('', [user.username], { PGLITE_DATA_DIR: folder });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`in use by process ${process.pid}`);
      expect(refused.stderr).toContain('API tokens page');
      expect(refused.stdout).not.toMatch(/lgb_/);
      await expect(dashboard.prisma.apiToken.count()).resolves.toBe(0);
      await dashboard.close();
      expect(existsSync(lockPathFor(folder))).toBe(false);

      // With the dashboard stopped, the script works and the token is in the folder the dashboard reads.
      const created = await runTokenCreate('', [user.username], { PGLITE_DATA_DIR: folder });
      expect(created.code, created.stderr).toBe(0);
      const token = created.stdout.trimEnd().split('\n').at(-1) ?? '';
      const reopened = createDatabase({ pgliteDir: folder });
      try {
        await expect(verifyApiToken(token, { db: reopened.prisma })).resolves.toMatchObject({ user: { id: user.id } });
      } finally {
        await reopened.close();
      }
    } finally {
      await dashboard.close();
      rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  }, 120_000);
});
