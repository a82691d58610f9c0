import { test, expect, request as playwrightRequest } from '@playwright/test';
import { e2eBaseUrl } from '../e2e-env';
import { createToken, createUser, signedInContext } from './principals';

// The security rules against the built server: headers on every kind of response, the
// same-origin and JSON rules for session writes (not for tokens), tokens only from a session,
// with an expiry, and the sign-in throttle's 429 with Retry-After.

test.describe('security headers', () => {
  for (const path of ['/login', '/api/health', '/api/v1/clusters', `/share/${'A'.repeat(24)}.${'B'.repeat(43)}`, '/favicon.ico', '/icon.svg']) {
    test(`${path} carries the CSP, nosniff and the referrer policy`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      const headers = response.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['strict-transport-security']).toBeUndefined();
    });
  }

  test('HSTS is sent when a proxy says the browser used https', async ({ request }) => {
    const response = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers()['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  test('the icon is served', async ({ request }) => {
    const response = await request.get('/favicon.ico');
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBeGreaterThan(50);
  });
});

test.describe('session writes and tokens', () => {
  test('a session write needs this origin and a JSON body; a token write needs neither', async () => {
    const session = await signedInContext();
    const body = JSON.stringify({ refresh_interval_seconds: 30 });
    const put = (headers: Record<string, string>) => session.put('/api/v1/me/preferences', { data: body, headers });
    expect((await put({ 'content-type': 'application/json' })).status()).toBe(200);
    const textPlain = await put({ 'content-type': 'text/plain' });
    expect(textPlain.status()).toBe(415);
    expect((await textPlain.json()).error.code).toBe('unsupported_media_type');
    const crossSite = await put({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.code).toBe('cross_site_request');
    expect((await put({ 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status()).toBe(403);

    const { token } = await createToken(session, 'origin-free');
    const scripted = await playwrightRequest.newContext({ baseURL: e2eBaseUrl });
    const tokenWrite = await scripted.put('/api/v1/me/preferences', {
      data: body, headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example', 'content-type': 'application/json' },
    });
    expect(tokenWrite.status()).toBe(200);
    await scripted.dispose();
    await session.dispose();
  });

  test('a token cannot create tokens; a session can, with an expiry', async ({ request }) => {
    const session = await signedInContext(await createUser('viewer'));
    const created = await session.post('/api/v1/tokens', { data: { name: 'weekly', expires_in_days: 7 } });
    expect(created.status()).toBe(201);
    const record = (await created.json()) as { token: string; expires_at: string };
    const daysAhead = (Date.parse(record.expires_at) - Date.now()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(6.99);
    expect(daysAhead).toBeLessThan(7.01);
    const minted = await request.post('/api/v1/tokens', { data: { name: 'minted' }, headers: { authorization: `Bearer ${record.token}` } });
    expect(minted.status()).toBe(403);
    const listed = (await (await session.get('/api/v1/tokens')).json()) as { tokens: Array<{ name: string; expires_at: string | null }> };
    expect(listed.tokens.map((token) => token.name)).toEqual(['weekly']);
    await session.dispose();
  });
});

test('sign-in is throttled per user: 429 with Retry-After, then the right password works again', async () => {
  const user = await createUser('viewer');
  const context = await playwrightRequest.newContext({ baseURL: e2eBaseUrl });
  const attempt = async (password: string) => {
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    return context.post('/api/auth/callback/credentials', { form: { csrfToken, username: user.username, password, json: 'true' }, maxRedirects: 0 });
  };
  // SIGNIN_THROTTLE_FREE_ATTEMPTS (5) failures are free; the sixth locks the user for 1 s.
  for (let index = 0; index < 6; index += 1) {
    expect((await attempt('wrong-password')).status()).toBe(401);
  }
  const locked = await attempt(user.password);
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect((await locked.json()).error.code).toBe('too_many_requests');
  await new Promise((resolve) => setTimeout(resolve, 1_100 * Number(locked.headers()['retry-after'])));
  expect((await attempt(user.password)).status()).toBe(200);
  const session = (await (await context.get('/api/auth/session')).json()) as { user?: { name?: string } };
  expect(session.user?.name).toBe(user.username);
  await context.dispose();
});
