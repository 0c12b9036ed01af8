// How the e2e tests (playwright.config.ts) and the bench (scripts/bench/browser.ts) run Chromium:
// Debian's, since `npx playwright install` cannot download browsers here. (No imports: every
// Playwright worker reads this file.)

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
