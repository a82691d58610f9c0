import { test, expect, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createToken, createUser, expireToken, revokeToken, signedInContext } from './principals';

/**
 * Every route handler under app/api refuses an anonymous caller with 401 JSON, except the
 * routes listed here on purpose. A new route is covered the moment its file exists.
 */
const anonymousAllowList = [/^\/api\/auth\//, /^\/api\/health$/];

const apiRoot = path.join(process.cwd(), 'app', 'api');
const methodPattern = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function findRouteFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return findRouteFiles(entryPath);
    return entry.name === 'route.ts' ? [entryPath] : [];
  });
}

function routeToUrlPath(routeFile: string): string {
  const segments = path.relative(path.join(process.cwd(), 'app'), path.dirname(routeFile)).split(path.sep);
  return '/' + segments
    .filter((segment) => !(segment.startsWith('(') && segment.endsWith(')')))
    .map((segment) => (segment.startsWith('[') ? 'sample-value' : segment))
    .join('/');
}

const routes = findRouteFiles(apiRoot).map((file) => ({
  urlPath: routeToUrlPath(file),
  methods: [...readFileSync(file, 'utf8').matchAll(methodPattern)].map((match) => (match[1] ?? match[2]) as string),
}));

test('the route list is not empty and includes the allow-listed probe', () => {
  expect(routes.length).toBeGreaterThan(2);
  expect(routes.some((route) => route.urlPath === '/api/health')).toBe(true);
  // `export { handler as GET }` counts too: next-auth's route is found and allow-listed.
  expect(routes.find((route) => route.urlPath === '/api/auth/sample-value')?.methods).toEqual(['GET', 'POST']);
});

for (const route of routes) {
  const allowed = anonymousAllowList.some((pattern) => pattern.test(route.urlPath));
  for (const method of route.methods) {
    test(`${method} ${route.urlPath} ${allowed ? 'is public by design' : 'refuses anonymous callers'}`, async ({ request }) => {
      const response = await request.fetch(route.urlPath, { method, maxRedirects: 0 });
      if (allowed) {
        expect(response.status()).toBeLessThan(500);
        return;
      }
      expect(response.status()).toBe(401);
      expect(response.headers()['content-type']).toContain('application/json');
      const body = await response.json();
      expect(body.error.code).toBe('unauthorized');
    });

    if (!allowed) {
      test(`${method} ${route.urlPath} refuses a forged bearer token`, async ({ request }) => {
        const response = await request.fetch(route.urlPath, {
          method,
          headers: { authorization: 'Bearer lgb_not-a-real-token-0000000000000000' },
          maxRedirects: 0,
        });
        expect(response.status()).toBe(401);
        expect((await response.json()).error.code).toBe('unauthorized');
      });
    }
  }
}

/**
 * The sweep: every route and method with a revoked and an expired token (both once valid), and
 * every write as a viewer. Each list of answers that were not refused must be empty.
 */
test.describe('credential sweep', () => {
  const protectedCalls = routes
    .filter((route) => !anonymousAllowList.some((pattern) => pattern.test(route.urlPath)))
    .flatMap((route) => route.methods.map((method) => ({ method, urlPath: route.urlPath })));
  const writeCalls = protectedCalls.filter((call) => call.method !== 'GET');
  let viewerSession: APIRequestContext;
  let revoked: string;
  let expired: string;
  let viewerToken: string;

  test.beforeAll(async () => {
    viewerSession = await signedInContext(await createUser('viewer'));
    const [toRevoke, toExpire, valid] = [await createToken(viewerSession, 'revoked'), await createToken(viewerSession, 'expired'), await createToken(viewerSession, 'valid')];
    await revokeToken(viewerSession, toRevoke.id);
    await expireToken(toExpire.id);
    [revoked, expired, viewerToken] = [toRevoke.token, toExpire.token, valid.token];
  });

  test.afterAll(async () => {
    await viewerSession?.dispose();
  });

  async function notRefused(request: APIRequestContext, calls: typeof protectedCalls, headers: Record<string, string>, expected: (status: number) => boolean) {
    const accepted: string[] = [];
    for (const call of calls) {
      const response = await request.fetch(call.urlPath, { method: call.method, headers, maxRedirects: 0, ...(call.method === 'GET' ? {} : { data: {} }) });
      if (!expected(response.status())) accepted.push(`${call.method} ${call.urlPath} → ${response.status()}`);
    }
    return accepted;
  }

  test('the sweep covers every protected route and method', () => {
    expect(protectedCalls.length).toBeGreaterThanOrEqual(30);
    expect(writeCalls.length).toBeGreaterThanOrEqual(8);
  });

  test('a valid token is accepted (the sweep could fail)', async ({ request }) => {
    const response = await request.get('/api/v1/clusters', { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(response.status()).toBe(200);
  });

  test('a revoked token is refused by every route and method', async ({ request }) => {
    expect(await notRefused(request, protectedCalls, { authorization: `Bearer ${revoked}` }, (status) => status === 401)).toEqual([]);
  });

  test('an expired token is refused by every route and method', async ({ request }) => {
    expect(await notRefused(request, protectedCalls, { authorization: `Bearer ${expired}` }, (status) => status === 401)).toEqual([]);
  });

  test('a viewer\'s token gets no write through', async ({ request }) => {
    // Refused: 403 (role), or 400/404/415 for a viewer's own resources with a sample id and an empty body.
    expect(await notRefused(request, writeCalls, { authorization: `Bearer ${viewerToken}` }, (status) => status >= 400 && status < 500)).toEqual([]);
  });

  test('a viewer\'s session gets no write through, and cross-site session writes are refused', async () => {
    expect(await notRefused(viewerSession, writeCalls, {}, (status) => status >= 400 && status < 500)).toEqual([]);
    const crossSite = await notRefused(viewerSession, writeCalls, { origin: 'https://evil.example' }, (status) => status === 403);
    expect(crossSite).toEqual([]);
  });
});
