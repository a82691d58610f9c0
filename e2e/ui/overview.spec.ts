import { test, expect } from '@playwright/test';
import { e2eTopicPrefix } from '../e2e-env';

const group = (base: string) => `${e2eTopicPrefix}-${base}`;

test('the overview lists the live Kafka groups of both types and the Redis streams', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  await expect(page.getByTestId('kafka-summary-test')).toContainText('Groups by state');
  await expect(page.getByTestId('redis-health-summary')).toContainText('signalr-consumers');
  // The overview shows the worst groups only; the groups list has every one.
  await page.goto('/clusters/test/groups');
  const kafkaTable = page.getByTestId('groups');
  // The page renders on the server; reload until the scenario groups have joined.
  await expect(async () => {
    await page.reload();
    await page.getByRole('searchbox', { name: /Search/ }).fill(e2eTopicPrefix);
    await expect(kafkaTable.locator(`tr[data-group-id="${group('shipping-kip848')}"]`)).toContainText('Stable', { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  const kip848Row = kafkaTable.locator(`tr[data-group-id="${group('shipping-kip848')}"]`);
  await expect(kip848Row).toContainText('consumer');
  await expect(kafkaTable.locator(`tr[data-group-id="${group('billing-healthy')}"]`)).toContainText('classic');
  await expect(kafkaTable.locator(`tr[data-group-id="${group('audit-archiver-stopped')}"]`)).toContainText('Empty');

  await page.goto('/');
  const redisTable = page.getByTestId('redis-streams');
  for (const stream of ['events:chat', 'events:ticket', 'events:remote']) {
    await expect(redisTable.locator(`tr[data-stream="${stream}"][data-group="signalr-consumers"]`)).toBeVisible();
  }
});

test('the overview counts the same governance alerts as the groups API reports', async ({ page }) => {
  interface ListedGroup { slo_met: boolean; data_loss_count: number; fairness_ok: boolean }
  await expect(async () => {
    await page.goto('/');
    const list = await (await page.request.get('/api/v1/consumers/groups?cluster_id=test')).json() as { groups: ListedGroup[] };
    const critical = list.groups.reduce((count, listed) => count + (listed.slo_met ? 0 : 1) + (listed.data_loss_count > 0 ? 1 : 0), 0);
    const warning = list.groups.filter((listed) => !listed.fairness_ok).length;
    const alerts = page.getByTestId('kafka-alerts-test');
    if (critical + warning === 0) await expect(alerts).toContainText('None', { timeout: 1_000 });
    else await expect(alerts).toContainText(`${critical} critical · ${warning} warning`, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test('a team view shows only that team\'s groups and streams, with their aggregate', async ({ page }) => {
  const name = `billing-view-${Date.now().toString(36)}`;
  const created = await page.request.post('/api/v1/teams', { data: { name, patterns: [{ kind: 'kafka_group', pattern: `${group('billing')}*` }, { kind: 'redis_stream', pattern: 'events:chat' }] } });
  expect(created.status()).toBe(201);
  const teamId = (await created.json()).id as string;
  try {
    await page.goto('/');
    await page.getByTestId('team-views').getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`\\?team=${teamId}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Overview — team “${name}”`);
    const groups = page.getByTestId('kafka-groups-test');
    await expect(groups.locator('tbody tr')).toHaveCount(1);
    await expect(groups.locator('tbody tr')).toHaveAttribute('data-group-id', group('billing-healthy'));
    // The aggregate is the team's: "groups by state" counts its one group, whatever its state.
    await expect(page.getByTestId('kafka-summary-test').locator('dd').first()).toHaveText(/^1 [A-Za-z]+$/);
    const streams = page.getByTestId('redis-streams');
    await expect(streams.locator('tr[data-stream="events:chat"]')).toBeVisible();
    await expect(streams.locator('tr[data-stream="events:ticket"]')).toHaveCount(0);
    await expect(page.getByTestId('team-views').getByRole('link', { name })).toHaveAttribute('aria-current', 'page');

    await page.goto('/?team=no-such-team');
    await expect(page.getByRole('alert').filter({ hasText: 'not one of yours' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  } finally {
    await page.request.delete(`/api/v1/teams/${teamId}`);
  }
});

test('the overview refreshes itself at the user\'s interval, and stops when paused', async ({ page }) => {
  expect((await page.request.put('/api/v1/me/preferences', { data: { refresh_interval_seconds: 5 } })).status()).toBe(200);
  await page.goto('/');
  await expect(page.getByTestId('page-refresh')).toContainText('every 5 s');
  const rendered = page.getByTestId('page-rendered-at');
  const first = await rendered.textContent();
  await expect(rendered).not.toHaveText(first ?? '', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause page refresh' }).click();
  // A refresh already on its way when the button was pressed may still land.
  await page.waitForTimeout(2_000);
  const whenPaused = await rendered.textContent();
  await page.waitForTimeout(7_000);
  await expect(rendered).toHaveText(whenPaused ?? '');
  await expect(page.getByTestId('page-refresh')).toContainText('paused');
});

test('a signed-out browser is sent to the sign-in page', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/settings/tokens');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Ftokens/);
  await page.getByLabel('Username').fill('e2e-admin');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form [role="alert"]')).toContainText('Wrong username or password');
  await context.close();
});

test('an API token created on the settings page authenticates the API, and revoking it stops it', async ({ page, playwright, baseURL }) => {
  // A context with no cookies: only the bearer token can authenticate it.
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await page.goto('/settings/tokens');
  await page.getByLabel('Token name').fill('e2e-script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^lgb_/);

  const anonymous = await request.get('/api/v1/clusters');
  expect(anonymous.status()).toBe(401);
  const withToken = await request.get('/api/v1/clusters', { headers: { authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).kafka_clusters[0].cluster_id).toBe('test');

  await page.getByRole('button', { name: 'Revoke e2e-script' }).click();
  await expect(page.locator('tr', { hasText: 'e2e-script' })).toContainText('revoked');
  const afterRevoke = await request.get('/api/v1/clusters', { headers: { authorization: `Bearer ${token}` } });
  expect(afterRevoke.status()).toBe(401);
  await request.dispose();
});
