import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiToken } from '@/lib/auth/api-tokens';
import { createUser } from '@/lib/auth/users';
import { createDatabase, type Database } from '@/lib/db/create-client';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

const projectRoot = path.resolve(__dirname, '..', '..');

function runTokenCreate(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
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
});
