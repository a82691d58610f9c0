import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { e2eAdmin, e2eBaseUrl, e2eDatabaseName } from '../e2e-env';

/**
 * Callers for the API specs: signed-in sessions (through next-auth's own sign-in endpoints) and
 * API tokens created by those sessions on the tokens API, as a user would. Users other than the
 * admin are written straight into the e2e database: Lagboard has no user-creation API.
 */

const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${e2eDatabaseName}`;

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createUser(role: 'viewer' | 'operator' | 'admin'): Promise<{ username: string; password: string }> {
  const username = `e2e-${role}-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const passwordHash = await hash(password);
  await withDatabase((client) => client.query(
    'INSERT INTO "User" (id, username, "passwordHash", role) VALUES ($1, $2, $3, $4::"Role")',
    [`e2e${randomBytes(10).toString('hex')}`, username, passwordHash, role],
  ));
  return { username, password };
}

/** A request context holding a session cookie for the user (next-auth's CSRF token flow). */
export async function signedInContext(credentials: { username: string; password: string } = e2eAdmin): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: e2eBaseUrl, extraHTTPHeaders: { origin: e2eBaseUrl } });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, username: credentials.username, password: credentials.password, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const session = (await (await context.get('/api/auth/session')).json()) as { user?: { name?: string } };
  expect(session.user?.name).toBe(credentials.username);
  return context;
}

/** Creates a token on the tokens API with the session; returns the plain token and its id. */
export async function createToken(session: APIRequestContext, name = 'e2e'): Promise<{ token: string; id: string }> {
  const response = await session.post('/api/v1/tokens', { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { token: string; id: string };
}

export async function revokeToken(session: APIRequestContext, id: string): Promise<void> {
  expect((await session.delete(`/api/v1/tokens/${id}`)).status()).toBe(200);
}

/** Moves a token's expiry into the past, as if its days had run out. */
export async function expireToken(id: string): Promise<void> {
  await withDatabase((client) => client.query('UPDATE "ApiToken" SET "expiresAt" = now() - interval \'1 minute\' WHERE id = $1', [id]));
}
