import { test, expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { auditPage, contrastRatio, describeViolations } from '../accessibility';
import { openLoaded, signedInPages, type AuditedPage } from '../dashboard-pages';
import { e2eAdmin, e2eBaseUrl, e2eStorageStatePath, e2eTopicPrefix } from '../e2e-env';

/**
 * "Light and dark themes. Keyboard usable; no contrast failures." Every page is checked with axe
 * (WCAG 2.1 A and AA) in both themes, after its data has loaded, charts included; the keyboard
 * tests drive the controls with Tab, Enter and Space only.
 */

const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];

const group = (base: string) => `${e2eTopicPrefix}-${base}`;
// One small chart per measure: the first one (total and max lag, or the stream's lag) stands for the chart.
const chartSurface = (page: Page) => page.getByTestId('lag-chart').first().locator('.recharts-wrapper > svg.recharts-surface');

// The channel and its delivery log are created in beforeAll, so this page is audited here, not in the shared list.
const alertChannelsPage: AuditedPage = {
  name: 'alert channels',
  get path() { return `/settings/alert-channels?channel=${encodeURIComponent(alertChannelId)}`; },
  heading: 'Alert channels',
  loaded: (page) => page.getByRole('table', { name: /^Deliveries of / }),
};

async function expectNoViolations(page: Page, pageName: string): Promise<void> {
  const { violations, undecidedContrast } = await auditPage(page);
  expect(violations.map((violation) => violation.id), describeViolations(pageName, violations)).toEqual([]);
  for (const check of undecidedContrast) {
    expect(check.ratio, `${pageName}: ${check.selector} has ${check.foreground} on ${check.background}`).toBeGreaterThanOrEqual(check.required);
  }
}

/** Presses Tab until the target has focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`Not reached with ${limit} presses of Tab`);
}

/** A focused element has an outline of at least 2px with 3:1 contrast against what surrounds it. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const focus = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    // The outline is drawn outside the element, over the nearest painted ancestor.
    let behind = element.parentElement;
    while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement;
    return {
      name: element.getAttribute('aria-label') || element.textContent || element.tagName,
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      color: style.outlineColor,
      behind: getComputedStyle(behind ?? document.body).backgroundColor,
    };
  });
  expect(focus.style, focus.name).not.toBe('none');
  expect(focus.width, focus.name).toBeGreaterThanOrEqual(2);
  expect(contrastRatio(focus.color, focus.behind), `${focus.name}: focus ring ${focus.color} on ${focus.behind}`).toBeGreaterThanOrEqual(3);
}

async function signedOutPage(browser: Browser, theme: Theme) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: theme });
  await context.addCookies([{ name: 'theme', value: theme, url: e2eBaseUrl }]);
  return { context, page: await context.newPage() };
}

// Rows for the settings pages' tables and a public chart, so those are checked with content;
// removed or revoked afterwards.
const suffix = Date.now().toString(36);
let api: APIRequestContext;
let sharePath = '';
let alertChannelId = '';
const cleanup: string[] = [];

test.beforeAll(async ({ playwright }) => {
  api = await playwright.request.newContext({ baseURL: e2eBaseUrl, storageState: e2eStorageStatePath, extraHTTPHeaders: { origin: e2eBaseUrl } });
  const created = async (path: string, data: Record<string, unknown>) => {
    const response = await api.post(path, { data });
    expect(response.status(), path).toBe(201);
    const body = await response.json();
    cleanup.push(`${path}/${body.id}`);
    return body;
  };
  await created('/api/v1/tokens', { name: `a11y-${suffix}` });
  await created('/api/v1/teams', { name: `a11y-${suffix}`, members: [e2eAdmin.username], patterns: [{ kind: 'kafka_group', pattern: `a11y-${suffix}-*` }] });
  // Not the group the share-link tests use, so their rows stay unambiguous.
  const link = await created('/api/v1/share-links', {
    kind: 'kafka_group', cluster_id: 'test', name: group('fraud-scoring-slow'), group: null, range: '1h', series: ['total_lag', 'max_lag'], expires_in_days: 1,
  });
  sharePath = link.path;
  // Nothing listens on port 1: the test message fails at once, which fills the delivery log.
  const channel = await created('/api/v1/alert-channels', { name: `a11y-${suffix}`, kind: 'slack', url: 'http://127.0.0.1:1/services/a11y' });
  alertChannelId = channel.id;
  expect((await api.post(`/api/v1/alert-channels/${channel.id}/test`, { data: {} })).status()).toBe(200);
});

test.afterAll(async () => {
  for (const path of cleanup) await api.delete(path);
  await api.dispose();
});

for (const theme of themes) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'theme', value: theme, url: e2eBaseUrl }]);
    });

    for (const target of [...signedInPages, alertChannelsPage]) {
      test(`${target.name} has no WCAG A/AA violations`, async ({ page }) => {
        await openLoaded(page, target);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expectNoViolations(page, `${target.name} (${theme})`);
      });
    }

    test('sign-in page has no WCAG A/AA violations', async ({ browser }) => {
      const { context, page } = await signedOutPage(browser, theme);
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Lagboard');
      await expectNoViolations(page, `sign-in (${theme})`);
      // The error message is part of the page too.
      await page.getByLabel('Username').fill('nobody');
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('form [role="alert"]')).toContainText('Wrong username or password');
      await expectNoViolations(page, `sign-in with an error (${theme})`);
      await context.close();
    });

    test('an invalid share link page has no WCAG A/AA violations', async ({ browser }) => {
      const { context, page } = await signedOutPage(browser, theme);
      expect((await page.goto('/share/not-a-token'))?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This share link is not valid');
      await expectNoViolations(page, `invalid share link (${theme})`);
      await context.close();
    });

    test('a shared chart has no WCAG A/AA violations', async ({ browser }) => {
      const { context, page } = await signedOutPage(browser, theme);
      expect((await page.goto(sharePath))?.status()).toBe(200);
      await expect(chartSurface(page)).toBeVisible();
      await expectNoViolations(page, `shared chart (${theme})`);
      await context.close();
    });

    test('focus is visible on links, buttons, fields and the chart', async ({ page }) => {
      await openLoaded(page, signedInPages[1] as AuditedPage);
      for (const target of [
        page.getByRole('link', { name: 'Skip to main content' }),
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }),
        page.getByRole('button', { name: /Change theme/ }),
        page.getByRole('searchbox', { name: /Search/ }),
        page.getByRole('button', { name: /^Members/ }),
      ]) {
        await tabTo(page, target);
        await expectVisibleFocus(target);
      }
      // recharts makes the plot a tab stop (arrow keys read the points).
      await openLoaded(page, signedInPages[2] as AuditedPage);
      await expect(chartSurface(page)).toHaveAccessibleName(new RegExp(`Consumer group “${group('fraud-scoring-slow')}”`));
      await tabTo(page, chartSurface(page));
      await expectVisibleFocus(chartSurface(page));
    });
  });
}

test.describe('keyboard', () => {
  test.use({ colorScheme: 'light' });

  test('"Skip to main content" is the first tab stop and moves focus to the main content', async ({ page }) => {
    for (const target of [signedInPages[0], signedInPages[1], signedInPages[6]] as AuditedPage[]) {
      await openLoaded(page, target);
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip).not.toBeInViewport();
      await page.keyboard.press('Tab');
      await expect(skip, target.path).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main'), target.path).toBeFocused();
      // The next stop is inside the main content, past the header's links.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false), target.path).toBe(true);
    }
  });

  test('the groups table sorts from the keyboard', async ({ page }) => {
    await openLoaded(page, signedInPages[1] as AuditedPage);
    const members = page.getByRole('button', { name: /^Members/ });
    const membersHeader = page.getByRole('columnheader', { name: /^Members/ });
    const totalHeader = page.getByRole('columnheader', { name: /^Total lag/ });
    await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(membersHeader).toHaveAttribute('aria-sort', 'none');

    await tabTo(page, members);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/groups\.sort=members&groups\.dir=desc/);
    await expect(membersHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(totalHeader).toHaveAttribute('aria-sort', 'none');
    await expect(members).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/groups\.sort=members&groups\.dir=asc/);
    await expect(membersHeader).toHaveAttribute('aria-sort', 'ascending');
  });

  test('the theme toggle works from the keyboard', async ({ page, context }) => {
    await context.addCookies([{ name: 'theme', value: 'light', url: e2eBaseUrl }]);
    await openLoaded(page, signedInPages[6] as AuditedPage);
    const toggle = page.getByRole('button', { name: /Change theme/ });
    const html = page.locator('html');
    const themeCookie = async () => (await context.cookies()).find((cookie) => cookie.name === 'theme')?.value;
    await expect(toggle).toHaveText('Theme: light');

    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveText('Theme: dark');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 19, 24)');
    expect(await themeCookie()).toBe('dark');

    await page.keyboard.press('Space');
    await expect(toggle).toHaveText('Theme: system');
    await expect(html).not.toHaveAttribute('data-theme', /./);
    expect(await themeCookie()).toBeUndefined();

    await page.keyboard.press('Enter');
    await expect(toggle).toHaveText('Theme: light');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(247, 248, 250)');
    expect(await themeCookie()).toBe('light');
  });

  test('the Share panel of a chart keeps keyboard focus from opening to closing', async ({ page }) => {
    await openLoaded(page, signedInPages[2] as AuditedPage);
    const share = page.getByRole('button', { name: 'Share', exact: true });
    const panel = page.getByRole('dialog', { name: 'Share this chart' });
    await tabTo(page, share);
    await page.keyboard.press('Enter');
    await expect(panel.getByLabel('Link expires after (days)')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Create link' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: 'Copy link' })).toBeFocused();
    await expect(panel.getByTestId('new-share-link')).toContainText('/share/');
    const links = (await (await api.get('/api/v1/share-links')).json()).share_links as Array<{ id: string; status: string; chart: { name: string; range: string } }>;
    for (const link of links.filter((candidate) => candidate.status === 'active' && candidate.chart.name === group('fraud-scoring-slow') && candidate.chart.range === '6h')) {
      cleanup.push(`/api/v1/share-links/${link.id}`);
    }

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(share).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo(page, panel.getByRole('button', { name: 'Close' }), 5);
    await page.keyboard.press('Enter');
    await expect(panel).toHaveCount(0);
    await expect(share).toBeFocused();
  });

  test('the live panel pauses and resumes from the keyboard', async ({ page }) => {
    await openLoaded(page, signedInPages[2] as AuditedPage);
    const panel = page.getByTestId('live-panel');
    const pause = panel.getByRole('button', { name: 'Pause live updates' });
    await tabTo(page, pause);
    await page.keyboard.press('Enter');
    const resume = panel.getByRole('button', { name: 'Resume live updates' });
    await expect(resume).toBeFocused();
    await expect(panel.getByRole('heading', { name: /Live/ })).toContainText('paused');

    await page.keyboard.press('Space');
    await expect(pause).toBeFocused();
    await expect(panel.getByRole('heading', { name: /Live/ })).not.toContainText('paused');
  });
});
