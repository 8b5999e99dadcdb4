import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium: no browser downloads on our machines.
// The global setup builds the real binary with the UI embedded, loads the
// demo data into a fresh data directory and starts `leerlus serve`.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Generous: two workers share a small machine, and the longest tests walk many screens with axe.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  // Each test makes its own data (e2e/fixtures.ts), so tests run in any order and side by side.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
