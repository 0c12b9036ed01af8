import { preview } from 'vite';
import { REPO_ROOT } from '../stack/config';
import { freePort } from '../stack/net';

// How the e2e tests (playwright.config.ts, tests/e2e/global-setup.ts) and the bench
// (scripts/bench/browser.ts) run the production build: Debian's Chromium, since
// `npx playwright install` cannot download browsers here, and `vite preview` on a free port.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of a build folder on a free port. */
export async function servePreview(distDir: string): Promise<Preview> {
  const server = await preview({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) {
    await server.close();
    throw new Error('vite preview reported no URL');
  }
  return { url, close: () => server.close() };
}
