import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { e2eBaseUrl, e2eOutputDir } from '../e2e-env';
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
