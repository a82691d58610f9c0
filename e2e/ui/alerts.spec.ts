import { test, expect, type Page } from '@playwright/test';
import { e2eStreamGroup, e2eTopicPrefix } from '../e2e-env';

/**
 * The demo scenarios (the same workload `npm run demo` runs, with its short alert settings) show
 * firing alerts on the Alerts page: the slow, stopped and unfair groups and the Redis consumer
 * that never acknowledges. Then an operator acknowledges one, and its link opens the group page.
 */

const group = (base: string) => `${e2eTopicPrefix}-${base}`;

const firingRow = (page: Page, selector: string) => page.locator(`tr[data-state="firing"]${selector}`);

async function waitForFiring(page: Page, selector: string): Promise<void> {
  // The collector judges the rules after each snapshot (every 15 s here): reload until it has.
  await expect(async () => {
    await page.goto('/alerts?state=firing');
    await expect(firingRow(page, selector).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
}

test('the demo scenarios fire alerts on the Alerts page', async ({ page }) => {
  test.setTimeout(300_000);
  await waitForFiring(page, `[data-group="${group('fraud-scoring-slow')}"][data-rule="kafka.slo_violation"]`);
  await waitForFiring(page, `[data-group="${group('audit-archiver-stopped')}"]`);
  await waitForFiring(page, `[data-group="${group('order-enricher-unfair')}"][data-rule="kafka.unfair_assignment"]`);
  await waitForFiring(page, `[data-stream="events:ticket"][data-rule="redis.dead_consumer"]`);
  const deadConsumer = firingRow(page, `[data-stream="events:ticket"][data-rule="redis.dead_consumer"]`);
  await expect(deadConsumer.first()).toContainText('instance-3');
  await expect(deadConsumer.first()).toContainText(e2eStreamGroup);

  // The same alerts through the API, which the page reads.
  const api = await page.request.get(`/api/v1/alerts?state=firing&cluster_id=test&group=${encodeURIComponent(group('order-enricher-unfair'))}&rule=kafka.unfair_assignment`);
  expect(api.status()).toBe(200);
  const body = await api.json() as { alerts: Array<{ value: number; threshold: number }> };
  expect(body.alerts).toHaveLength(1);
  expect(body.alerts[0]!.value).toBeGreaterThan(body.alerts[0]!.threshold);
});

test('an operator acknowledges an alert and follows its link to the group', async ({ page }) => {
  test.setTimeout(200_000);
  const selector = `[data-group="${group('order-enricher-unfair')}"][data-rule="kafka.unfair_assignment"]`;
  await waitForFiring(page, selector);
  const row = firingRow(page, selector).first();
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row.getByText('acknowledged')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  // The filters live in the URL: a severity filter is kept on reload.
  await page.goto('/alerts?state=firing&severity=warning');
  await expect(page.getByLabel('Severity')).toHaveValue('warning');
  await expect(page.locator('tr[data-state] td').filter({ hasText: /^critical$/ })).toHaveCount(0);
  await page.goto('/alerts?state=firing');
  await firingRow(page, selector).first().getByRole('link', { name: new RegExp(group('order-enricher-unfair')) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(group('order-enricher-unfair'));
  await expect(page.locator('[data-alert-badge]').first()).toBeVisible();
});
