import path from 'node:path';
import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { e2eAdmin, e2eBaseUrl, e2eOutputDir, e2eStorageStatePath, e2eTopicPrefix } from '../e2e-env';
import { openLoaded, signedInPages } from '../dashboard-pages';

/**
 * Every dashboard page fits a 390 px phone and a 1440 px desktop: the document is never wider
 * than the viewport (wide tables scroll inside their card), in the light and the dark theme. A
 * full-page screenshot of each is kept under the e2e output folder (screenshots/) for review.
 */

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const themes = ['light', 'dark'] as const;
const screenshotFolder = path.join(e2eOutputDir, 'screenshots');

async function documentOverflowPx(page: Page): Promise<{ overflowPx: number; widest: string }> {
  return page.evaluate(() => {
    const viewportWidth = document.documentElement.clientWidth;
    // The element that sticks out furthest, to name it when the page is too wide.
    let widest = '';
    let right = 0;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > right && box.width > 0) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ').join('.')}`;
      }
    }
    return { overflowPx: document.documentElement.scrollWidth - viewportWidth, widest };
  });
}

// A row in each settings table (a token, a team, a share link), so the layout is checked with content; removed afterwards.
const suffix = Date.now().toString(36);
let api: APIRequestContext;
const cleanup: string[] = [];

test.beforeAll(async ({ playwright }) => {
  api = await playwright.request.newContext({ baseURL: e2eBaseUrl, storageState: e2eStorageStatePath });
  const created = async (path: string, data: Record<string, unknown>) => {
    const response = await api.post(path, { data });
    expect(response.status(), path).toBe(201);
    cleanup.push(`${path}/${(await response.json()).id}`);
  };
  await created('/api/v1/tokens', { name: `layout-${suffix}` });
  await created('/api/v1/teams', { name: `layout-${suffix}`, members: [e2eAdmin.username], patterns: [{ kind: 'kafka_group', pattern: `layout-${suffix}-*` }] });
  await created('/api/v1/share-links', {
    kind: 'kafka_group', cluster_id: 'test', name: `${e2eTopicPrefix}-billing-healthy`, group: null, range: '1h', series: ['total_lag'], expires_in_days: 1,
  });
});

test.afterAll(async () => {
  for (const path of cleanup) await api.delete(path);
  await api.dispose();
});

for (const viewport of viewports) {
  for (const theme of themes) {
    test.describe(`${viewport.name} ${viewport.width} px, ${theme}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: theme });
      test.beforeEach(async ({ context }) => {
        await context.addCookies([{ name: 'theme', value: theme, url: e2eBaseUrl }]);
      });

      for (const target of signedInPages) {
        test(`${target.name} fits the width`, async ({ page }) => {
          await openLoaded(page, target);
          const { overflowPx, widest } = await documentOverflowPx(page);
          const slug = target.name.replace(/\W+/g, '-');
          await page.screenshot({ path: path.join(screenshotFolder, `${slug}-${viewport.width}-${theme}.png`), fullPage: true });
          expect(overflowPx, `${target.name} at ${viewport.width} px is ${overflowPx} px too wide (widest: ${widest})`).toBeLessThanOrEqual(0);
        });
      }
    });
  }
}
