import { test as setup, expect } from '@playwright/test';
import { e2eAdmin, e2eStorageStatePath } from './e2e-env';

// Signs in once through the real form; the UI project reuses the saved session.
setup('sign in as the admin', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Username').fill(e2eAdmin.username);
  await page.getByLabel('Password').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.context().storageState({ path: e2eStorageStatePath });
});
