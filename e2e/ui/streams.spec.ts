import { test, expect, type Locator, type Page } from '@playwright/test';
import { cli, cliBatch, cliEntriesAfter } from '../../tests/support/redis-cli';
import { uniqueName } from '../../tests/support/test-env';
import { e2eStreamGroup } from '../e2e-env';

/**
 * The Redis stream pages against the demo streams: the stream page's live panel follows entries
 * added with redis-cli without a reload and stops while paused; the streams list refreshes,
 * sorts, filters and searches with its state in the URL. Each test reads and writes its own
 * consumer group on `events:remote` (where the demo's consumer keeps up) and removes it after.
 */

const stream = 'events:remote';
const intervalSeconds = 5;

interface CliGroup { name: string; lag: number | null; 'last-delivered-id': string }

/**
 * The group's lag as an operator would read it with redis-cli: XINFO GROUPS, or, where Redis
 * reports nil (Redis 7.0 does for a group created at `$` once entries follow), the entries after
 * its last-delivered ID counted with XRANGE. `reported` says which.
 */
async function redisLag(group: string): Promise<{ lag: number; reported: boolean }> {
  const found = ((await cli('XINFO', 'GROUPS', stream)) as CliGroup[]).find((candidate) => candidate.name === group);
  if (!found) throw new Error(`redis-cli does not list ${group}`);
  if (typeof found.lag === 'number') return { lag: found.lag, reported: true };
  return { lag: await cliEntriesAfter(stream, found['last-delivered-id'], 100_000), reported: false };
}

function addEntries(count: number): Promise<unknown[]> {
  return cliBatch(Array.from({ length: count }, (_, index) => ['XADD', stream, '*', 'type', 'e2e.stream-test', 'seq', String(index)]));
}

/** The number a lag cell shows ("1,234", "~1,234" or "≥ 1,234"); NaN for "unknown". */
async function shownNumber(cell: Locator): Promise<number> {
  const text = (await cell.textContent()) ?? '';
  return /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : Number.NaN;
}

/** A value on window survives every update and vanishes on a reload: proof that none happened. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { lagboardNotReloaded: true }));
}
async function pageWasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { lagboardNotReloaded?: boolean }).lagboardNotReloaded === true);
}

let group: string;
let previousIntervalSeconds: number;

test.beforeEach(async ({ page }) => {
  group = uniqueName('e2e-stream-test');
  await cli('XGROUP', 'CREATE', stream, group, '$', 'MKSTREAM');
  // The refresh interval is a user setting; the shortest one keeps the test short.
  previousIntervalSeconds = (await (await page.request.get('/api/v1/me/preferences')).json()).refresh_interval_seconds;
  expect((await page.request.put('/api/v1/me/preferences', { data: { refresh_interval_seconds: intervalSeconds } })).status()).toBe(200);
});

test.afterEach(async ({ page }) => {
  await cli('XGROUP', 'DESTROY', stream, group);
  await page.request.put('/api/v1/me/preferences', { data: { refresh_interval_seconds: previousIntervalSeconds } });
});

test('the stream page shows new lag and pending live, and pause stops the updates', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/streams/${encodeURIComponent(stream)}`);
  const panel = page.getByTestId('live-stream-panel');
  await expect(panel).toContainText(`Every ${intervalSeconds} s`);
  await expect(panel.getByTestId('live-state')).toHaveText('live');
  const row = panel.locator(`tr[data-group="${group}"]`);
  const lagCell = row.locator('[data-column="lag"]');
  const pendingCell = row.locator('[data-column="pending"]');
  const lagAtLoad = await shownNumber(lagCell);
  expect(lagAtLoad).toBeGreaterThanOrEqual(0);
  await markPage(page);

  // 500 new entries, then a consumer takes 3 without acknowledging them.
  await addEntries(500);
  await cli('XREADGROUP', 'GROUP', group, 'e2e-reader', 'COUNT', '3', 'STREAMS', stream, '>');
  await expect(pendingCell).toHaveText('3', { timeout: 30_000 });
  await expect.poll(() => shownNumber(lagCell), { timeout: 30_000 }).toBeGreaterThanOrEqual(lagAtLoad + 497);
  // The group only falls further behind, so what is shown can never exceed what Redis says now.
  const shownLag = await shownNumber(lagCell);
  const redisNow = await redisLag(group);
  expect(shownLag).toBeLessThanOrEqual(redisNow.lag);
  // A lag Redis does not report is shown as a counted estimate, never as a plain number.
  if (!redisNow.reported) await expect(lagCell).toHaveText(/^(~|≥ )\d/);
  await expect(row).toContainText('e2e-reader: 3 pending');
  expect(await pageWasNotReloaded(page)).toBe(true);

  await panel.getByRole('button', { name: 'Pause live updates' }).click();
  await expect(panel.getByTestId('live-state')).toHaveText('paused');
  const pausedLagText = await lagCell.textContent();
  const pausedUpdatedAt = await panel.getByTestId('live-updated-at').textContent();
  await addEntries(500);
  // Two intervals and a cache period: an update would have arrived by now if one could.
  await page.waitForTimeout((2 * intervalSeconds + 5) * 1_000);
  await expect(lagCell).toHaveText(pausedLagText ?? '');
  await expect(panel.getByTestId('live-updated-at')).toHaveText(pausedUpdatedAt ?? '');
  expect((await redisLag(group)).lag).toBeGreaterThanOrEqual(shownLag + 500);

  await panel.getByRole('button', { name: 'Resume live updates' }).click();
  await expect.poll(() => shownNumber(lagCell), { timeout: 30_000 }).toBeGreaterThanOrEqual(shownLag + 500);
  expect(await pageWasNotReloaded(page)).toBe(true);
});

test('the streams list refreshes, sorts, filters and searches, with its state in the URL', async ({ page }) => {
  test.setTimeout(120_000);
  // 1,200 entries behind: unhealthy from the default threshold of 1,000.
  await addEntries(1_200);
  await page.goto('/streams');
  const table = page.getByTestId('streams-list');
  const ownRow = table.locator(`tr[data-group="${group}"]`);
  const keptUpRow = table.locator(`tr[data-stream="${stream}"][data-group="${e2eStreamGroup}"]`);
  await expect(ownRow).toContainText('unhealthy');
  await expect(table.getByRole('columnheader', { name: /^Lag \(entries\)/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Pending \(entries\)/ })).toBeVisible();
  await markPage(page);

  // SWR refresh: more entries show up in the row without a reload.
  const lagCell = ownRow.locator('td[data-column="lag"]');
  const lagAtLoad = await shownNumber(lagCell);
  await addEntries(300);
  await expect.poll(() => shownNumber(lagCell), { timeout: 30_000 }).toBeGreaterThanOrEqual(lagAtLoad + 300);
  expect(await pageWasNotReloaded(page)).toBe(true);

  const healthFilter = page.getByRole('combobox', { name: 'Filter by health classes' });
  await healthFilter.selectOption('unhealthy');
  await expect(page).toHaveURL(/streams-list\.health=unhealthy/);
  await expect(ownRow).toBeVisible();
  await expect(keptUpRow).toHaveCount(0);
  for (const health of await table.locator('tbody tr td:nth-child(8) .badge').allTextContents()) expect(health).toBe('unhealthy');
  // The demo's consumer keeps up on this stream (it reads the entries added above within seconds).
  await healthFilter.selectOption('healthy');
  await expect(keptUpRow).toBeVisible({ timeout: 30_000 });
  await expect(ownRow).toHaveCount(0);
  await healthFilter.selectOption('');

  await page.getByRole('searchbox', { name: /Search/ }).fill(group);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`streams-list\\.q=${group}`));
  await page.getByRole('searchbox', { name: /Search/ }).fill('');
  await expect(table.locator('tbody tr')).not.toHaveCount(1);

  // Sorted by lag, largest first, by default; one click turns it around. Cells are read in one
  // go, so a refresh cannot slip in between two of them.
  const knownLags = async () => (await table.locator('tbody tr td:nth-child(5)').allTextContents())
    .filter((text) => /\d/.test(text)).map((text) => Number(text.replace(/[^\d]/g, '')));
  const sortedBy = (direction: 1 | -1) => async () => {
    const lags = await knownLags();
    return lags.length > 1 && lags.every((lag, index) => index === 0 || direction * (lag - (lags[index - 1] as number)) >= 0);
  };
  await expect.poll(sortedBy(-1)).toBe(true);
  await page.getByRole('button', { name: /^Lag/ }).click();
  await expect(page).toHaveURL(/streams-list\.sort=lag&streams-list\.dir=asc/);
  await expect.poll(sortedBy(1)).toBe(true);
});
