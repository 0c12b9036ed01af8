import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// End-to-end tests (issue 7): a production build against a local stack, both started by the
// global setup on free ports, driven in Debian's Chromium (`npx playwright install` can't
// download here). The tests share one database, and the fault tests take its API down, so they
// run one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous waits (never timing assertions): a busy 2-core machine renders slowly.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // The HTML report (with traces of failures) for CI's artifacts; locally the list is enough and
  // traces of failures are in test-results/e2e.
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // Recordings are played from the test without a user gesture.
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    },
  },
});
