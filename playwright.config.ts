import { defineConfig } from '@playwright/test';
import { e2eBaseUrl, e2eOutputDir, e2eServerEnvironment, e2eServerLogPath, e2eStorageStatePath } from './e2e/e2e-env';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: e2eOutputDir,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT_FILE ?? '.test-reports/e2e-results.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: e2eBaseUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // Debian's chromium as root, on a machine without outside network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'api', testMatch: /api\/.*\.spec\.ts/ },
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'ui',
      testMatch: /ui\/.*\.spec\.ts/,
      dependencies: ['setup'],
      // page.request sends no Origin of its own; the server refuses session writes without one (CSRF rule).
      use: { storageState: e2eStorageStatePath, extraHTTPHeaders: { origin: e2eBaseUrl } },
    },
  ],
  webServer: {
    // The database is reset before the server starts, so no run sees an earlier run's rows.
    // Its output also goes to a file in the output folder (emptied before the server starts).
    command: `mkdir -p ${e2eOutputDir} && npx tsx --conditions=react-server e2e/prepare-database.ts && npx next start -H 127.0.0.1 2>&1 | tee ${e2eServerLogPath}`,
    url: `${e2eBaseUrl}/api/health`,
    env: e2eServerEnvironment,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
