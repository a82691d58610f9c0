import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { admin, baseUrl, chromiumPath } from './settings';

export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Debian's chromium; Playwright's own signal handlers are off so the cleanup decides the order. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    // Debian's chromium as root, on a machine without outside network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** A context of its own: empty cache, and the session cookie only when `signedIn` is given. */
export function newContext(browser: Browser, signedIn: SignedInState | null): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    storageState: signedIn ?? { cookies: [], origins: [] },
  });
}

/** Signs in through the login form, as a person would, and returns the session for other contexts. */
export async function signIn(browser: Browser): Promise<SignedInState> {
  const context = await newContext(browser, null);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}
