import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type StackConfig, apiUrl, dbUrl, loadStackConfig, loadTwoProjectConfigs } from './config';
import { isRunning } from './leftovers';
import { type RunningStack, type StartOptions, startStack } from './start-stack';

/**
 * DESIGN §1's two layouts, run locally: `single` (one stack with every table, the default) or
 * `two-projects` (`--two-projects`: an app stack and a backend stack sharing the JWT secret).
 * While the two-project layout runs, a record in the single stack's data folder tells the scripts
 * (simulate, backend:test, db:explore, staff) which project is where, so they need no settings.
 */
export type Layout = 'single' | 'two-projects';

export interface ProjectEndpoints {
  apiUrl: string;
  dbUrl: string;
}

/** Where staff sign in and notes live (app), and where the agent's tables are (backend). */
export interface LocalProjects {
  layout: Layout;
  app: ProjectEndpoints;
  backend: ProjectEndpoints;
}

export interface RunningLayout {
  stacks: RunningStack[];
  projects: LocalProjects;
  /** Rejects when a part of either stack dies. */
  crashed: Promise<never>;
  stop(): Promise<void>;
}

export const layoutFromArgs = (args: readonly string[]): Layout =>
  args.includes('--two-projects') ? 'two-projects' : 'single';

export function layoutConfigs(layout: Layout, env = process.env): StackConfig[] {
  if (layout === 'single') return [loadStackConfig(env)];
  const { app, backend } = loadTwoProjectConfigs(env);
  return [app, backend];
}

const endpoints = (c: StackConfig): ProjectEndpoints => ({ apiUrl: apiUrl(c), dbUrl: dbUrl(c) });

export function projectsOf(layout: Layout, configs: StackConfig[]): LocalProjects {
  const app = configs.find((c) => c.project !== 'backend')!;
  const backend = configs.find((c) => c.project !== 'app')!;
  return { layout, app: endpoints(app), backend: endpoints(backend) };
}

const RECORD = 'layout.json';
const recordFile = (env: NodeJS.ProcessEnv) => path.join(loadStackConfig(env).dataDir, RECORD);

/**
 * The local projects the scripts should use: the two-project layout's while one runs (its record
 * names a live process), else the single stack's.
 */
export function localProjects(env: NodeJS.ProcessEnv = process.env): LocalProjects {
  try {
    const record = JSON.parse(readFileSync(recordFile(env), 'utf8')) as LocalProjects & {
      pid: number;
    };
    if (isRunning(record.pid, 'node'))
      return { layout: record.layout, app: record.app, backend: record.backend };
  } catch {
    // no record, or an unreadable one: the single stack
  }
  return projectsOf('single', layoutConfigs('single', env));
}

/**
 * Starts the layout's stacks one after the other (two Postgres at once would only compete for
 * the same two cores); if the second fails, the first is stopped again.
 */
export async function startLayout(
  configs: StackConfig[],
  layout: Layout,
  options: StartOptions & { record?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningLayout> {
  const log = options.log ?? console.log;
  const stacks: RunningStack[] = [];
  const file = recordFile(options.env ?? process.env);
  const record = options.record && layout !== 'single';
  const stop = async () => {
    if (record) await fs.rm(file, { force: true });
    for (const stack of [...stacks].reverse()) await stack.stop();
  };
  try {
    for (const config of configs) {
      const prefix = layout === 'single' ? '' : `[${config.project}] `;
      stacks.push(await startStack(config, { log: (line) => log(prefix + line) }));
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const projects = projectsOf(layout, configs);
  if (record) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ pid: process.pid, ...projects }, null, 2));
  }
  const crashed = Promise.race(
    stacks.map((s) =>
      layout === 'single'
        ? s.crashed
        : s.crashed.catch((error: Error) => {
            throw new Error(`The ${s.config.project} project's ${error.message}`);
          }),
    ),
  );
  crashed.catch(() => undefined);
  return { stacks, projects, crashed, stop };
}
