import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
