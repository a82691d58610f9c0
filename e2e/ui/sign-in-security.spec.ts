import { test, expect, type Page } from '@playwright/test';
import { e2eAdmin, e2eBaseUrl } from '../e2e-env';

// After a right password the browser only ever lands on this site, whatever callbackUrl says;
// and the pages run under the CSP without a single violation in the console.

test.use({ storageState: { cookies: [], origins: [] } });

const baseOrigin = new URL(e2eBaseUrl).origin;
const hostileCallbacks = [
  '//evil.example',
  '/\\evil.example',
  '%2F%2Fevil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  'https://evil.example',
  'javascript:alert(document.domain)',
  '/%09/evil.example',
];

async function signIn(page: Page, callbackUrl: string): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Username').fill(e2eAdmin.username);
  await page.getByLabel('Password').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

for (const callbackUrl of hostileCallbacks) {
  test(`sign-in with callbackUrl=${callbackUrl} stays on this site`, async ({ page }) => {
    const offSite: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && new URL(request.url()).origin !== baseOrigin) offSite.push(request.url());
    });
    await signIn(page, callbackUrl);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(baseOrigin);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(offSite).toEqual([]);
  });
}

test('a same-site callbackUrl is followed', async ({ page }) => {
  await signIn(page, '/settings/tokens');
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/settings/tokens');
});

test('pages load under the CSP without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (?:load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, '/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  for (const path of ['/streams', '/settings', '/settings/tokens', '/settings/teams']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // A chart page (recharts sets inline styles).
  await page.goto('/');
  const firstGroup = page.locator('a[href*="/groups/"]').first();
  await expect(firstGroup).toBeVisible();
  await firstGroup.click();
  await page.waitForURL(/\/groups\//);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
