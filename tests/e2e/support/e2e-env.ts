import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../stack/config';

/** Screenshots of the main screens, for people to look at (a CI artifact; git-ignored). */
export const SCREENS_DIR = path.join(REPO_ROOT, 'test-results', 'screens');

/** What the global setup started, for the tests (written to a JSON file named by E2E_ENV_FILE). */
export interface E2eEnv {
  /** The production build, served by `vite preview`. */
  baseUrl: string;
  /** The stack's API (the build's VITE_SUPABASE_URL). */
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  /** POST /api/stop and /api/start (tests/support/stack-control.ts). */
  controlUrl: string;
  /** Folder the build was written to. */
  distDir: string;
  /** A staff member (recruiter) whose signed-in state the tests share; never signed out. */
  staff: { email: string; password: string };
}

export const E2E_ENV_FILE = 'E2E_ENV_FILE';

let cached: E2eEnv | undefined;

export function e2eEnv(): E2eEnv {
  const file = process.env[E2E_ENV_FILE];
  if (!file) throw new Error(`${E2E_ENV_FILE} is not set: run the tests with \`npm run test:e2e\``);
  cached ??= JSON.parse(readFileSync(file, 'utf8')) as E2eEnv;
  return cached;
}
