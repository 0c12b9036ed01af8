import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The end-to-end tests of DESIGN §1's two-project layout: the same Chromium and settings as
// playwright.config.ts, against an app and a backend stack (tests/e2e-two-projects).
export default defineConfig({
  ...base,
  testDir: 'tests/e2e-two-projects',
  globalSetup: './tests/e2e-two-projects/global-setup.ts',
  outputDir: 'test-results/e2e-two-projects',
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report-two-projects' }]]
    : [['list']],
});
