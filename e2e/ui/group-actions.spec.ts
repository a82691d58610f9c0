import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { e2eServerEnvironment, e2eTopicPrefix } from '../e2e-env';

// The demo's stopped group reset to latest from the group page, as an operator would: preview,
// confirm, then the page's own figures. The demo producer keeps writing to the group's topic, so
// after the reset the lag grows again from 0 by the messages produced since.

const groupId = `${e2eTopicPrefix}-audit-archiver-stopped`;
const groupPath = `/clusters/test/groups/${encodeURIComponent(groupId)}`;
const apiPath = `/api/v1/consumers/groups/${encodeURIComponent(groupId)}?cluster_id=test`;
const totalLag = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('the stopped group is reset to latest from its page: preview, confirm, lag 0', async ({ page }) => {
  // The group lags: its consumers left while the producer goes on.
  await expect(async () => {
    await page.goto(groupPath);
    expect(totalLag(await page.getByTestId('group-total-lag').textContent())).toBeGreaterThan(20);
  }).toPass({ timeout: 60_000 });
  const lagBefore = totalLag(await page.getByTestId('group-total-lag').textContent());

  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByTestId('reset-target').selectOption('latest');
  await actions.getByRole('button', { name: 'Preview' }).click();
  const preview = actions.getByTestId('reset-preview');
  await expect(preview).toBeVisible();
  await expect(actions.getByTestId('preview-total-lag-after')).toHaveText('0');

  await actions.getByTestId('apply-reset').click();
  const dialog = page.getByRole('dialog', { name: `Reset offsets of ${groupId}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-action').click();
  await expect(actions.getByTestId('action-result')).toContainText('total lag now 0 msgs');

  // Kafka's committed offsets were moved to the log ends read for the reset.
  const detail = await (await page.request.get(apiPath)).json();
  const audit = await (await page.request.get(`/api/v1/audit?group=${encodeURIComponent(groupId)}&action=kafka.offsets.reset&outcome=succeeded`)).json();
  const entry = audit.entries[0];
  expect(entry.actor.username).toBe('e2e-admin');
  for (const after of entry.after as Array<{ partition: number; committed_offset: number }>) {
    const partition = detail.partitions.find((candidate: { partition: number; topic: string }) => candidate.partition === after.partition);
    expect(partition.committed_offset).toBe(after.committed_offset);
  }

  // The page re-reads the cluster (its cache was invalidated): only what was produced since the reset lags.
  await page.reload();
  const lagAfter = totalLag(await page.getByTestId('group-total-lag').textContent());
  expect(lagAfter).toBeLessThan(lagBefore);
  await expect(page.getByRole('region', { name: 'Audit log of this group' }).getByTestId('audit-table')).toContainText('kafka.offsets.reset');
});

test('the stream page offers the Redis actions, and a preview of moving the group', async ({ page }) => {
  await page.goto(`/streams/${encodeURIComponent('events:ticket')}`);
  const actions = page.getByTestId('stream-actions').first();
  await expect(actions).toBeVisible();
  await actions.getByRole('button', { name: 'Preview' }).first().click();
  await expect(actions).toContainText('lag');
  await expect(actions).toContainText('→ 0 entries');
});

test('a viewer sees no action controls and gets 403 from the action API', async ({ browser }) => {
  const viewer = { username: `actions-viewer-${Date.now().toString(36)}`, password: 'viewer-password' };
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/create-user.ts', viewer.username, viewer.password, 'viewer'], {
    env: { ...process.env, ...e2eServerEnvironment },
    stdio: 'pipe',
  });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(viewer.username);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  await page.goto(groupPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(groupId);
  await expect(page.getByTestId('recommended-members')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preview' })).toHaveCount(0);
  const response = await page.request.post(`/api/v1/consumers/groups/${encodeURIComponent(groupId)}/offsets/reset?cluster_id=test`, {
    data: { topic: `${e2eTopicPrefix}-audit`, to: { earliest: true }, dry_run: false },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('forbidden');
  await page.goto(`/streams/${encodeURIComponent('events:ticket')}`);
  await expect(page.getByTestId('stream-scaling').first()).toBeVisible();
  await expect(page.getByTestId('stream-actions')).toHaveCount(0);
  await context.close();
});
