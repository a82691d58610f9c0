import { test, expect } from '@playwright/test';
import { e2eTopicPrefix } from '../e2e-env';

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
