import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../stack/net';

/** `npm run stack` as a user runs it: its own process, output, signals and exit code. */
export interface StackProcess {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

export function startCli(env: NodeJS.ProcessEnv, args: string[] = []): StackProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'stack/main.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

export async function waitFor(
  p: StackProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = p.output().match(pattern);
    if (match) return match;
    if (p.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`Never saw ${pattern}:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Running, not just not yet reaped: an orphan's zombie waits for init, which may take its time. */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return true; // no /proc: signal 0 is all we know
  }
};

/** The Postgres and PostgREST pids the banner names, once the stack says it is ready. */
export async function pidsOf(p: StackProcess) {
  const [, postgres, postgrest] = await waitFor(p, /Processes\s+postgres (\d+), postgrest (\d+)/);
  await waitFor(p, /ready/);
  return [Number(postgres), Number(postgrest)];
}

/** An environment for `npm run stack` on free ports, with an empty data folder of its own. */
export async function cliEnv(
  prefix: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<{ dataDir: string; env: NodeJS.ProcessEnv }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const env = {
    ...process.env,
    STACK_API_PORT: String(await freePort()),
    STACK_DB_PORT: String(await freePort()),
    STACK_DATA_DIR: dataDir,
    STACK_SEED: 'false',
    ...extra,
  };
  return { dataDir, env };
}
