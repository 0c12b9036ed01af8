import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadStackConfig } from '../../stack/config';
import { freePort } from '../../stack/net';
import { type RunningStack, startStack } from '../../stack/start-stack';

/** The demo data's "now" in tests, so seeded rows are the same on every run. */
export const TEST_DEMO_ANCHOR = new Date('2026-11-20T12:00:00Z');

export interface TempStack {
  stack: RunningStack;
  dataDir: string;
  /** Stops the stack and deletes its data folder. */
  destroy(): Promise<void>;
}

/** A whole stack on free ports with its own data folder: runs beside a developer's `npm run stack`. */
export async function startTempStack(dataDir?: string): Promise<TempStack> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'outreach-stack-')));
  const { authRateLimits } = loadStackConfig(process.env);
  const config = loadStackConfig(process.env, {
    apiPort: await freePort(),
    dbPort: await freePort(),
    restPort: 0,
    dataDir: dir,
    seedDemoData: true,
    demoAnchor: TEST_DEMO_ANCHOR,
    // Whole suites sign in and sign up from 127.0.0.1 hundreds of times in minutes; the per-IP
    // limits are tested on a stack of their own (security-stack.test.ts), the per-e-mail one stays.
    authRateLimits: { ...authRateLimits, signInsPerIp: 1_000_000, refreshesPerIp: 1_000_000 },
  });
  const stack = await startStack(config, { log: () => undefined });
  return {
    stack,
    dataDir: dir,
    destroy: async () => {
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
