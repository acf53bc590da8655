import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const root = join(__dirname, '..', '..', '..', '..');

/**
 * The dashboard's tests in a real browser: Debian's Chromium (`apt-get install chromium`; Playwright downloads no
 * browser here) against `npm start` on a fresh data folder and a free port, which the global setup starts and stops.
 * One worker: the tests share the platform and the machine has two cores.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.browser-spec.ts',
  globalSetup: join(__dirname, 'platform.setup.ts'),
  outputDir: join(root, 'tmp', 'dashboard', 'test-results'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: process.env.CI !== undefined,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'tmp', 'dashboard', 'results.json') }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.SALESOS_CHROMIUM ?? '/usr/bin/chromium' },
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
  },
});
