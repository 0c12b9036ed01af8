import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect, test as base } from '@playwright/test';
import pg from 'pg';
import { type E2eEnv, SCREENS_DIR, e2eEnv } from './e2e-env';

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

export interface PageProblems {
  /** Uncaught exceptions and unhandled rejections in the page. */
  errors: string[];
  /** Content-Security-Policy violations, from the console and `securitypolicyviolation` events. */
  csp: string[];
  /** Pages where `window.__pwned` got set: an injected payload ran (see xss.spec.ts). */
  pwned: string[];
}

interface TestFixtures {
  /** Sign in as this account before the test (shared state); null for a signed-out browser. */
  signedInAs: 'staff' | null;
  /** Collected for every page; each test fails if any appear (see `problems` below). */
  problems: PageProblems;
  /** Runs SQL against the stack's database, as the agent would write. */
  sql: <R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ) => Promise<R[]>;
}

interface WorkerFixtures {
  env: E2eEnv;
  staffState: StorageState;
}

/** Signs in through the login page (the real flow) and waits for the signed-in home. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

// Installed before any page script: records CSP violations, and makes sure `window.__pwned` (which
// any executed XSS payload in the tests' data sets) starts unset.
function pageProbe() {
  const w = window as unknown as { __csp: string[]; __pwned?: unknown };
  w.__csp = [];
  delete w.__pwned;
  document.addEventListener('securitypolicyviolation', (event) =>
    w.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
  );
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern.
  // eslint-disable-next-line no-empty-pattern
  env: [async ({}, use) => use(e2eEnv()), { scope: 'worker' }],
  baseURL: async ({ env }, use) => use(env.baseUrl),

  staffState: [
    async ({ browser, env }, use) => {
      const context = await browser.newContext({ baseURL: env.baseUrl });
      const page = await context.newPage();
      await signIn(page, env.staff.email, env.staff.password);
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: 'worker' },
  ],
  signedInAs: ['staff', { option: true }],
  storageState: async ({ signedInAs, staffState }, use) =>
    use(signedInAs === 'staff' ? staffState : { cookies: [], origins: [] }),

  problems: [
    async ({ context }, use) => {
      const problems: PageProblems = { errors: [], csp: [], pwned: [] };
      await context.addInitScript(pageProbe);
      const watch = (page: Page) => {
        page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) problems.csp.push(message.text());
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      for (const page of context.pages()) {
        const seen = await page
          .evaluate(() => {
            const w = window as unknown as { __csp?: string[]; __pwned?: unknown };
            return { csp: w.__csp ?? [], pwned: w.__pwned !== undefined };
          })
          .catch(() => ({ csp: [], pwned: false }));
        problems.csp.push(...seen.csp);
        if (seen.pwned) problems.pwned.push(page.url());
      }
      expect(problems.errors, 'errors thrown in the page').toEqual([]);
      expect(problems.csp, 'Content-Security-Policy violations').toEqual([]);
      expect(problems.pwned, 'pages where an injected payload ran').toEqual([]);
    },
    { auto: true },
  ],

  sql: async ({ env }, use) => {
    await use(async (text, values) => {
      const client = new pg.Client({ connectionString: env.dbUrl });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    });
  },
});

export { expect };

/** No serious or critical axe-core violation (DESIGN §8); the message names rule and selectors. */
export async function expectAccessible(page: Page, what: string, include?: string) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe-core on ${what}`).toEqual([]);
}

/**
 * A screenshot at 1280 px and 768 px wide, for people to look at (CI artifact): the full page, or
 * only the window where a dialog covers it.
 */
export async function screenshotBothWidths(page: Page, name: string, { fullPage = true } = {}) {
  await mkdir(SCREENS_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    // Let layout settle (media queries, virtualised lists measuring themselves).
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize(original);
}

/** Waits until the header's realtime indicator says Live: changes now reach the page. */
export async function expectLive(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible({
    timeout: 15_000,
  });
}
