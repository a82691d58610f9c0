import { createHmac } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { HttpReceiver } from '../../tests/support/http-receiver';
import { auditPage, describeViolations } from '../accessibility';

// Settings → Alert channels against a real receiver on 127.0.0.1: the dashboard server posts to
// it, and the test checks what arrived and what the page says about it.

const secret = 'e2e-channel-secret-0123456789-LAST';
let receiver: HttpReceiver;

test.beforeAll(async () => {
  receiver = await HttpReceiver.start();
});

test.afterAll(async () => {
  await receiver.close();
});

test('create a webhook channel, send a test, read the deliveries, edit and delete it', async ({ page }) => {
  const name = `On-call ${Date.now().toString(36)}`;
  const hookUrl = `${receiver.url}/hook/e2e-url-token-QRST`;
  await page.goto('/settings/alert-channels');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alert channels');

  await page.getByRole('button', { name: 'New channel' }).click();
  const form = page.getByRole('form', { name: 'New alert channel' });
  await form.getByRole('button', { name: 'Create channel' }).click();
  // Clear messages next to the fields the server refused.
  await expect(form.getByText('must not be empty')).toBeVisible();
  await expect(form.getByText('must be an http:// or https:// URL')).toBeVisible();
  // The form with its field errors passes the same axe audit as every page.
  const { violations } = await auditPage(page);
  expect(violations.map((violation) => violation.id), describeViolations('alert channel form with errors', violations)).toEqual([]);

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption('webhook');
  await form.getByLabel('URL').fill(hookUrl);
  await form.getByRole('button', { name: 'Create channel' }).click();
  await expect(form.getByText(/needs a secret/)).toBeVisible();
  await form.getByLabel(/Signing secret/).fill(secret);
  await form.getByLabel('Minimum severity').selectOption('warning');
  await form.getByLabel(/Repeat while firing/).fill('15');
  await form.getByRole('button', { name: 'Create channel' }).click();

  const row = page.locator('tr', { hasText: name });
  await expect(row).toContainText(`${new URL(receiver.url).host}/…QRST`);
  await expect(row).toContainText('every alert');
  await expect(row).toContainText('every 15 min');
  // The page never holds the full URL or the secret once saved.
  expect(await page.content()).not.toContain('e2e-url-token');
  expect(await page.content()).not.toContain(secret);

  receiver.respond([{ status: 200 }, { status: 500 }]);
  await page.getByRole('button', { name: `Send test to ${name}` }).click();
  await expect(page.getByTestId('channel-test-result')).toHaveText(`Test message delivered to “${name}” (HTTP 200).`);
  expect(receiver.requests).toHaveLength(1);
  const [request] = receiver.requests;
  expect(request?.path).toBe('/hook/e2e-url-token-QRST');
  const timestamp = String(request?.headers['x-lagboard-timestamp']);
  expect(request?.headers['x-lagboard-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${request?.body}`).digest('hex')}`);
  expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ kind: 'test', alert: { summary: expect.stringContaining(name) } });

  const deliveries = page.getByRole('table', { name: `Deliveries of ${name}` });
  await expect(deliveries.locator('tbody tr')).toHaveCount(1);
  await expect(deliveries.locator('tbody tr').first()).toContainText('delivered');
  await expect(page).toHaveURL(/[?&]channel=/);

  await page.getByRole('button', { name: `Send test to ${name}` }).click();
  await expect(page.getByTestId('channel-test-result')).toHaveText(`Test message to “${name}” failed: http_5xx (HTTP 500).`);
  await expect(deliveries.locator('tbody tr')).toHaveCount(2);
  await expect(deliveries.locator('tbody tr').first()).toContainText('failed');
  await expect(deliveries.locator('tbody tr').first()).toContainText('500');

  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const editForm = page.getByRole('form', { name: `Edit channel ${name}` });
  await editForm.getByLabel('Name').fill(`${name} (paused)`);
  await editForm.getByLabel('Enabled').uncheck();
  await editForm.getByRole('button', { name: 'Save channel' }).click();
  const editedRow = page.locator('tr', { hasText: `${name} (paused)` });
  await expect(editedRow).toContainText('disabled');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete ${name} (paused)` }).click();
  await expect(page.locator('tr', { hasText: name })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('tr', { hasText: name })).toHaveCount(0);
});
