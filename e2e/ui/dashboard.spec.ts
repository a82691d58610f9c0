import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { e2eBaseUrl, e2eOutputDir, e2eServerEnvironment, e2eStorageStatePath, e2eTopicPrefix } from '../e2e-env';

const group = (base: string) => `${e2eTopicPrefix}-${base}`;
const groupPath = (groupId: string) => `/clusters/test/groups/${encodeURIComponent(groupId)}`;
const screenshot = (page: Page, name: string) => page.screenshot({ path: `${e2eOutputDir}/screenshots/${name}.png`, fullPage: true });

test('every page renders and is saved as a screenshot', async ({ page }) => {
  const pages: Array<[string, string, RegExp]> = [
    ['overview', '/', /Overview/],
    ['groups', '/clusters/test/groups', /Consumer groups/],
    ['group-detail', groupPath(group('fraud-scoring-slow')), new RegExp(group('fraud-scoring-slow'))],
    ['topic-detail', `/clusters/test/topics/${group('orders')}`, new RegExp(group('orders'))],
    ['streams', '/streams', /Redis streams/],
    ['stream-detail', `/streams/${encodeURIComponent('events:chat')}`, /events:chat/],
    ['settings', '/settings', /Settings/],
    ['tokens', '/settings/tokens', /API tokens/],
    ['teams', '/settings/teams', /Teams/],
    ['share-links', '/settings/share-links', /Share links/],
  ];
  for (const [name, path, heading] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await screenshot(page, name);
  }
});

test('the lag shown for a lagging group equals the API', async ({ page }) => {
  const groupId = group('fraud-scoring-slow');
  await expect(async () => {
    await page.goto(groupPath(groupId));
    const shownTotal = Number((await page.getByTestId('group-total-lag').textContent())?.replace(/[^\d]/g, ''));
    const response = await page.request.get(`/api/v1/consumers/groups/${encodeURIComponent(groupId)}?cluster_id=test`);
    const api = await response.json();
    expect(shownTotal).toBeGreaterThan(0);
    expect(shownTotal).toBe(api.lag_metrics.total_lag);
    // The row for the partition with the most lag shows the API's numbers too.
    const worst = [...api.partitions].sort((left, right) => (right.lag ?? -1) - (left.lag ?? -1))[0];
    const row = page.locator(`tr[data-partition="${worst.topic}/${worst.partition}"]`);
    await expect(row).toContainText(new Intl.NumberFormat('en-US').format(worst.lag));
  }).toPass({ timeout: 30_000 });
});

test('the groups list sorts, filters and searches, with its state in the URL', async ({ page }) => {
  await page.goto('/clusters/test/groups');
  const table = page.getByTestId('groups');
  await expect(table.locator(`tr[data-group-id="${group('shipping-kip848')}"]`)).toBeVisible();

  // The broker also holds the integration tests' groups: search for a name only the demo has.
  await page.getByRole('searchbox', { name: /Search/ }).fill(group('shipping-kip'));
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toHaveAttribute('data-group-id', group('shipping-kip848'));
  await expect(page).toHaveURL(/groups\.q=e2e-shipping-kip/);

  // Search and filter together, within the demo's groups (the integration tests leave many Empty groups, which page).
  await page.getByRole('searchbox', { name: /Search/ }).fill(`${e2eTopicPrefix}-`);
  await page.getByRole('combobox', { name: 'Filter by states' }).selectOption('Empty');
  await expect(table.locator(`tr[data-group-id="${group('audit-archiver-stopped')}"]`)).toBeVisible();
  await expect(table.locator(`tr[data-group-id="${group('billing-healthy')}"]`)).toHaveCount(0);
  for (const state of await table.locator('tbody tr td:nth-child(3)').allTextContents()) expect(state).toBe('Empty');
  await page.getByRole('combobox', { name: 'Filter by states' }).selectOption('');
  await page.getByRole('searchbox', { name: /Search/ }).fill('');

  await page.getByRole('button', { name: /^Members/ }).click();
  await page.getByRole('button', { name: /^Members/ }).click();
  await expect(page).toHaveURL(/groups\.sort=members&groups\.dir=asc/);
  const members = (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
  expect(members).toEqual([...members].sort((left, right) => left - right));
});

test('group → topic → group', async ({ page }) => {
  await page.goto(groupPath(group('billing-healthy')));
  await page.locator('dl.facts').getByRole('link', { name: group('orders') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(group('orders'));
  await expect(page.getByTestId('insight-summary')).not.toBeEmpty();
  await page.getByTestId('topic-consumers').getByRole('link', { name: group('fraud-scoring-slow') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(group('fraud-scoring-slow'));
});

test('the groups list shows status, SLO, fairness and trend, and filters by status, team and topic', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const team = await page.request.post('/api/v1/teams', { data: { name: `shipping-${suffix}`, patterns: [{ kind: 'kafka_group', pattern: `${group('shipping')}*` }] } });
  expect(team.status()).toBe(201);
  try {
    await page.goto('/clusters/test/groups');
    const table = page.getByTestId('groups');
    const unfair = table.locator(`tr[data-group-id="${group('order-enricher-unfair')}"]`);
    await expect(unfair).toBeVisible();
    // Fairness and SLO on screen are the health API's figures for the same group.
    const health = await (await page.request.get(`/api/v1/consumers/groups/${group('order-enricher-unfair')}/health?cluster_id=test`)).json();
    await expect(unfair.locator('td[data-column="fairness"]')).toHaveText(health.fairness_gini.toFixed(2));
    await expect(unfair.locator('td[data-column="slo"]')).toHaveText(`${(health.slo_compliance * 100).toFixed(health.slo_compliance === 1 ? 0 : 1)} %`);
    await expect(unfair.locator('td[data-column="status"]')).toHaveText(/^(OK|WARN|ERR|—)$/);

    // Topic: only groups reading the audit topic remain, each listing it.
    await page.getByRole('searchbox', { name: /Search/ }).fill(`${e2eTopicPrefix}-`);
    await page.getByRole('combobox', { name: 'Filter by topics' }).selectOption(group('audit'));
    await expect(page).toHaveURL(/groups\.topic=e2e-audit/);
    await expect(table.locator(`tr[data-group-id="${group('audit-archiver-stopped')}"]`)).toBeVisible();
    await expect(table.locator(`tr[data-group-id="${group('billing-healthy')}"]`)).toHaveCount(0);
    for (const topics of await table.locator('td[data-column="topics"]').allTextContents()) expect(topics).toContain(group('audit'));
    await page.getByRole('combobox', { name: 'Filter by topics' }).selectOption('');

    // Team: the new team owns the KIP-848 group only.
    await page.getByRole('combobox', { name: 'Filter by teams' }).selectOption(`shipping-${suffix}`);
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.locator('tbody tr')).toHaveAttribute('data-group-id', group('shipping-kip848'));
    await expect(table.locator('td[data-column="teams"]')).toHaveText(`shipping-${suffix}`);
    await page.getByRole('combobox', { name: 'Filter by teams' }).selectOption('');

    // Status: every row left shows the chosen status. The options come from every group, so the
    // search for the demo's groups is cleared first (the chosen status may be on other groups only).
    await page.getByRole('searchbox', { name: /Search/ }).fill('');
    const statusFilter = page.getByRole('combobox', { name: 'Filter by statuses' });
    const firstStatus = (await statusFilter.locator('option').allTextContents()).find((option) => !option.startsWith('All')) as string;
    await statusFilter.selectOption(firstStatus);
    await expect(page).toHaveURL(new RegExp(`groups\\.status=${firstStatus}`));
    await expect(table.locator('td[data-column="status"]').first()).toBeVisible();
    const shown = await table.locator('td[data-column="status"]').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const status of shown) expect(status).toBe(firstStatus === 'unknown' ? '—' : firstStatus);
    await screenshot(page, 'groups-filtered-by-status');
  } finally {
    await page.request.delete(`/api/v1/teams/${(await team.json()).id}`);
  }
});

test('the refresh interval is kept per user, not per browser', async ({ page, browser }) => {
  await page.goto('/settings');
  await page.getByLabel('Refresh live views every').selectOption('60');
  await expect(page.getByTestId('refresh-interval-status')).toHaveText(/Saved/);
  // Another browser signed in as the same user: the session saved before the change, no new cookie.
  const otherBrowser = await browser.newContext({ storageState: e2eStorageStatePath, baseURL: e2eBaseUrl, extraHTTPHeaders: { origin: e2eBaseUrl } });
  const otherPage = await otherBrowser.newPage();
  await otherPage.goto('/settings');
  await expect(otherPage.getByLabel('Refresh live views every')).toHaveValue('60');
  expect(await (await otherPage.request.get('/api/v1/me/preferences')).json()).toEqual({ refresh_interval_seconds: 60 });
  expect((await otherPage.request.put('/api/v1/me/preferences', { data: { refresh_interval_seconds: 7 } })).status()).toBe(400);
  await otherBrowser.close();
});

test('a live update changes the lag on screen', async ({ page }) => {
  expect((await page.request.put('/api/v1/me/preferences', { data: { refresh_interval_seconds: 5 } })).status()).toBe(200);
  await page.goto(groupPath(group('fraud-scoring-slow')));
  const live = page.getByTestId('live-observed-at');
  // The text is relative ("just now"); the exact observation time is in the datetime attribute.
  const first = await live.getAttribute('datetime');
  const firstLag = await page.getByTestId('live-total-lag').textContent();
  await expect(live).not.toHaveAttribute('datetime', first ?? '', { timeout: 30_000 });
  // The slow group falls further behind, so the new lag differs from the first.
  await expect(page.getByTestId('live-total-lag')).not.toHaveText(firstLag ?? '', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause live updates' }).click();
  await expect(page.getByTestId('live-panel')).toContainText('paused');
});

test('a viewer of team A cannot open team B\'s group', async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const viewer = { username: `viewer-${suffix}`, password: 'viewer-password' };
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/create-user.ts', viewer.username, viewer.password, 'viewer'], {
    env: { ...process.env, ...e2eServerEnvironment },
    stdio: 'pipe',
  });
  const teamA = await page.request.post('/api/v1/teams', { data: { name: `team-a-${suffix}`, members: [viewer.username], patterns: [{ kind: 'kafka_group', pattern: `${group('billing')}*` }] } });
  expect(teamA.status()).toBe(201);
  const teamB = await page.request.post('/api/v1/teams', { data: { name: `team-b-${suffix}`, patterns: [{ kind: 'kafka_group', pattern: `${group('fraud')}*` }] } });
  expect(teamB.status()).toBe(201);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewerPage = await context.newPage();
  await viewerPage.goto('/login');
  await viewerPage.getByLabel('Username').fill(viewer.username);
  await viewerPage.getByLabel('Password').fill(viewer.password);
  await viewerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(viewerPage.getByRole('heading', { name: 'Overview' })).toBeVisible();

  const own = await viewerPage.goto(groupPath(group('billing-healthy')));
  expect(own?.status()).toBe(200);
  // A streamed page keeps the status it started with; what the viewer sees is the not-found page.
  await viewerPage.goto(groupPath(group('fraud-scoring-slow')));
  await expect(viewerPage.getByTestId('not-found')).toBeVisible();
  await expect(viewerPage.getByRole('heading', { level: 1 })).toHaveText('Not found');
  const api = await viewerPage.request.get(`/api/v1/consumers/groups/${group('fraud-scoring-slow')}?cluster_id=test`);
  expect(api.status()).toBe(404);
  await viewerPage.goto('/clusters/test/groups');
  await expect(viewerPage.getByTestId('groups').locator(`tr[data-group-id="${group('billing-healthy')}"]`)).toBeVisible();
  await expect(viewerPage.getByTestId('groups').locator(`tr[data-group-id="${group('fraud-scoring-slow')}"]`)).toHaveCount(0);
  await context.close();

  for (const created of [teamA, teamB]) {
    await page.request.delete(`/api/v1/teams/${(await created.json()).id}`);
  }
});
