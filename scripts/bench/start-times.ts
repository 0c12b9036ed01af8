import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../stack/config';
import { freePort } from '../../stack/net';
import { type Row, sleep, summarize } from './results';

/** `npm run stack` to "ready", in a child process like a developer runs it. */
async function startTimes(): Promise<{ cold: number[]; warm: number[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bench-start-'));
  const once = async () => {
    const env = {
      ...process.env,
      STACK_DATA_DIR: dir,
      STACK_API_PORT: String(await freePort()),
      STACK_DB_PORT: String(await freePort()),
    };
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'stack/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      return await new Promise<number>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(
          () => reject(new Error(`stack not ready in 120 s:\n${output}`)),
          120_000,
        );
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (/ready in/i.test(output)) {
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`stack exited (${code}) before ready:\n${output}`));
        });
      });
    } finally {
      child.kill('SIGINT');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 2; i++) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      cold.push(await once());
    }
    for (let i = 0; i < 3; i++) warm.push(await once());
    return { cold, warm };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The start rows of DESIGN §7: twice from an empty data folder, three times warm. */
export async function timeStackStart(): Promise<Row[]> {
  const { cold, warm } = await startTimes();
  const coldTiming = summarize(cold);
  const warmTiming = summarize(warm);
  return [
    {
      what: 'start, cold (empty data folder)',
      at: 'local stack',
      measured: coldTiming,
      naive: null,
      bar: 'ready ≤ 8 s (p50)',
      pass: coldTiming.p50 <= 8000,
    },
    {
      what: 'start, warm',
      at: 'local stack',
      measured: warmTiming,
      naive: null,
      bar: 'ready ≤ 3 s (p50)',
      pass: warmTiming.p50 <= 3000,
    },
  ];
}
