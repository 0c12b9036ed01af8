import { access, constants } from 'node:fs/promises';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { withCandidate } from '../../src/lib/candidate-link';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

// The production build in Debian's Chromium, as the e2e tests drive it (playwright.config.ts):
// served by `vite preview`, signed in once through the login page, each measurement in a fresh
// context that starts from that signed-in state.

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export async function hasChromium(): Promise<boolean> {
  return access(CHROMIUM_PATH, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Playwright's own Ctrl-C handler closes its browsers and then exits the process, cutting the
    // bench's cleanup short (stack, servers, data folder); the bench closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
}

export async function newContext(
  browser: Browser,
  baseUrl: string,
  storageState?: StorageState,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    storageState,
  });
  // tsx (esbuild with keepNames) wraps functions in `__name(fn, "name")`, and functions handed
  // to page.evaluate are sent as their source text: the page needs a __name of its own.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

/** Signs in through the login page (the real flow) and returns the signed-in state. */
export async function signedInState(
  browser: Browser,
  baseUrl: string,
  account: { email: string; password: string },
): Promise<StorageState> {
  const context = await newContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const chatUrl = (phone: string) =>
  `/candidates?${withCandidate(new URLSearchParams(), phone, 'chat')}`;

/** The candidate dialog's chat tab for this phone, opened by URL as a shared link opens it. */
export function openChat(page: Page, phone: string) {
  return page.goto(chatUrl(phone));
}

/**
 * The chat opened the way a recruiter opens it: the candidates page is up and live, then the
 * dialog opens in place (a client-side navigation, as its links do). Returns performance.now()
 * of the moment it was asked to open.
 */
export async function openChatFromList(page: Page, phone: string): Promise<number> {
  await page.goto('/candidates');
  await page.getByRole('table').waitFor({ timeout: 60_000 });
  await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor({ timeout: 30_000 });
  return page.evaluate((url) => {
    const at = performance.now();
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
    return at;
  }, chatUrl(phone));
}

/** The open conversation (its accessible name says whose it is). */
export const chatLog = (page: Page) =>
  page.getByRole('log', { name: /^WhatsApp conversation with/ });
