import { readFileSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { e2eAdmin, e2eTopicPrefix } from '../e2e-env';

const sharedGroup = `${e2eTopicPrefix}-billing-healthy`;
const chartTitle = `Consumer group “${sharedGroup}” on cluster “test” — last hour`;

/** A browser context with no cookies at all: whoever received the link, not signed in. */
async function openAnonymously(browser: Browser, path: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });
  const response = await page.goto(path);
  return { context, page, status: response?.status(), apiCalls };
}

async function createLinkInSettings(page: Page): Promise<string> {
  await page.goto('/settings/share-links');
  const form = page.getByRole('form', { name: 'Create a share link' });
  await form.getByLabel('Cluster').selectOption('test');
  await form.getByLabel('Consumer group id').fill(sharedGroup);
  await form.getByLabel('Range').selectOption('1h');
  await form.getByLabel(/Max partition lag/).check();
  await form.getByRole('button', { name: 'Create share link' }).click();
  const address = (await page.getByTestId('new-share-link').textContent())?.trim() ?? '';
  expect(address).toMatch(/\/share\/[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{43}$/);
  return new URL(address).pathname;
}

test('a share link shows one chart without a session, and stops once revoked', async ({ page, browser }, testInfo) => {
  const sharePath = await createLinkInSettings(page);
  const row = page.getByTestId('share-links').locator('tr', { hasText: sharedGroup }).first();
  await expect(row).toContainText('active');

  const shared = await openAnonymously(browser, sharePath);
  expect(shared.status).toBe(200);
  await expect(shared.page).toHaveURL(new RegExp(`${sharePath.replace(/[.]/g, '\\.')}$`));
  await expect(shared.page.getByRole('heading', { level: 1 })).toHaveText(chartTitle);
  await expect(shared.page.getByText(`Shared by ${e2eAdmin.username} · expires at`)).toBeVisible();
  await expect(shared.page.getByTestId('lag-chart').first().locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(shared.page.getByText('messages').first()).toBeVisible();
  // Nothing else of the app: no navigation, no links, no sign-out, no API calls from the browser.
  await expect(shared.page.locator('nav')).toHaveCount(0);
  await expect(shared.page.locator('a')).toHaveCount(0);
  await expect(shared.page.getByRole('button', { name: /sign out/i })).toHaveCount(0);
  expect(shared.apiCalls).toEqual([]);
  await shared.page.screenshot({ path: testInfo.outputPath('share-page.png'), fullPage: true });

  // The exports: an SVG file holding the title and the plotted lines, and a real PNG.
  const svgDownload = shared.page.waitForEvent('download');
  await shared.page.getByRole('button', { name: 'Download SVG' }).click();
  expect((await svgDownload).suggestedFilename()).toBe(`lagboard-${sharedGroup}-1h.svg`);
  const svgText = readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain(chartTitle);
  expect(svgText).toContain('recharts-line');
  const pngDownload = shared.page.waitForEvent('download');
  await shared.page.getByRole('button', { name: 'Download PNG' }).click();
  expect((await pngDownload).suggestedFilename()).toBe(`lagboard-${sharedGroup}-1h.png`);
  const pngBytes = readFileSync(await (await pngDownload).path());
  expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await (await pngDownload).saveAs(testInfo.outputPath('exported-chart.png'));

  await row.getByRole('button', { name: /^Revoke/ }).click();
  await expect(row).toContainText('revoked');
  const afterRevoke = await shared.page.reload();
  expect(afterRevoke?.status()).toBe(404);
  await expect(shared.page.getByRole('heading', { level: 1 })).toHaveText('This share link was revoked');
  await expect(shared.page.getByText(sharedGroup)).toHaveCount(0);
  await expect(shared.page.getByText(e2eAdmin.username)).toHaveCount(0);
  await shared.page.screenshot({ path: testInfo.outputPath('share-page-revoked.png') });
  await shared.context.close();
});

test('a forged or mangled token gets a clear page that reveals nothing', async ({ page, browser }) => {
  // A real link's id with a made-up signature, and a string that is no token at all.
  const sharePath = await createLinkInSettings(page);
  const forgedPath = `${sharePath.slice(0, sharePath.indexOf('.') + 1)}${'A'.repeat(43)}`;
  for (const path of [forgedPath, '/share/not-a-token']) {
    const visit = await openAnonymously(browser, path);
    expect(visit.status).toBe(404);
    await expect(visit.page.getByRole('heading', { level: 1 })).toHaveText('This share link is not valid');
    await expect(visit.page.getByText(sharedGroup)).toHaveCount(0);
    await expect(visit.page.locator('nav')).toHaveCount(0);
    await visit.context.close();
  }
});
