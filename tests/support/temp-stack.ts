import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type StackConfig, type StackProject, loadStackConfig } from '../../stack/config';
import { type RunningLayout, startLayout } from '../../stack/local-layout';
import { freePort } from '../../stack/net';
import { type RunningStack, startStack } from '../../stack/start-stack';

/** The demo data's "now" in tests, so seeded rows are the same on every run. */
export const TEST_DEMO_ANCHOR = new Date('2026-11-20T12:00:00Z');
/** A window of days back from today that reaches the demo data (the anchor's two weeks before it). */
export const DAYS_TO_DEMO = Math.ceil((Date.now() - TEST_DEMO_ANCHOR.getTime()) / 86_400_000) + 14;

export interface TempStack {
  stack: RunningStack;
  dataDir: string;
  /** Stops the stack and deletes its data folder. */
  destroy(): Promise<void>;
}

/** A stack's configuration on free ports with its own data folder, seeded at the tests' anchor. */
async function tempConfig(dataDir: string, project: StackProject = 'single'): Promise<StackConfig> {
  const { authRateLimits } = loadStackConfig(process.env);
  return loadStackConfig(process.env, {
    project,
    apiPort: await freePort(),
    dbPort: await freePort(),
    restPort: 0,
    dataDir,
    seedDemoData: true,
    demoAnchor: TEST_DEMO_ANCHOR,
    // Whole suites sign in and sign up from 127.0.0.1 hundreds of times in minutes; the per-IP
    // limits are tested on a stack of their own (security-stack.test.ts), the per-e-mail one stays.
    authRateLimits: { ...authRateLimits, signInsPerIp: 1_000_000, refreshesPerIp: 1_000_000 },
  });
}

/** A whole stack on free ports with its own data folder: runs beside a developer's `npm run stack`. */
export async function startTempStack(dataDir?: string): Promise<TempStack> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'outreach-stack-')));
  const stack = await startStack(await tempConfig(dir), { log: () => undefined });
  return {
    stack,
    dataDir: dir,
    destroy: async () => {
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TempTwoProjects {
  layout: RunningLayout;
  app: RunningStack;
  backend: RunningStack;
  /** Holds both projects' folders and, as the single stack's folder would, the layout's record. */
  dataDir: string;
  destroy(): Promise<void>;
}

/**
 * DESIGN §1's two-project layout on free ports, as `npm run stack -- --two-projects` runs it:
 * scripts given `STACK_DATA_DIR=dataDir` find its projects through the layout's record.
 */
export async function startTempTwoProjects(dataDir?: string): Promise<TempTwoProjects> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'outreach-two-projects-')));
  // Postgres runs as its own user when we are root: it must reach the folders below this one.
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  const configs = [
    await tempConfig(path.join(dir, 'two-projects', 'app'), 'app'),
    await tempConfig(path.join(dir, 'two-projects', 'backend'), 'backend'),
  ];
  const layout = await startLayout(configs, 'two-projects', {
    log: () => undefined,
    record: true,
    env: { ...process.env, STACK_DATA_DIR: dir },
  });
  const [app, backend] = layout.stacks as [RunningStack, RunningStack];
  return {
    layout,
    app,
    backend,
    dataDir: dir,
    destroy: async () => {
      await layout.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
