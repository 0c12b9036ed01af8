import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What a stack that died without stopping left running on its data folder. The watchdog
 * (watchdog.ts) normally takes the children along; should it have died too, the next start finds
 * them here: Postgres through its own postmaster.pid, PostgREST through the stack's record.
 */
const RECORD = 'stack.pid';

interface StackRecord {
  stack: number;
  postgrest?: number;
}

/** Whether `pid` runs and, where /proc tells, runs `program` (a pid may have been reused since). */
export function isRunning(pid: number, program: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(program);
  } catch {
    return true; // no /proc here: alive is all we know
  }
}

async function readRecord(dataDir: string): Promise<StackRecord | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(dataDir, RECORD), 'utf8')) as StackRecord;
  } catch {
    return undefined;
  }
}

async function waitUntilGone(pid: number, program: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isRunning(pid, program)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Stops what a dead stack left on `dataDir` (its Postgres with a fast shutdown, its PostgREST);
 * refuses, naming it, if the stack that uses the folder is still alive.
 */
export async function clearLeftovers(
  dataDir: string,
  pgDataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const record = await readRecord(dataDir);
  // This process's own stack is still running, or stopped and left nothing.
  if (record?.stack === process.pid) return;
  if (record && isRunning(record.stack, 'node'))
    throw new Error(
      `A stack (process ${record.stack}) is running on ${dataDir}. Stop it, or use another STACK_DATA_DIR.`,
    );
  if (record?.postgrest && isRunning(record.postgrest, 'postgrest')) {
    log(`Stopping PostgREST (process ${record.postgrest}) left by a stack that died.`);
    process.kill(record.postgrest, 'SIGKILL'); // it holds no state
  }
  let postmaster: number | undefined;
  try {
    postmaster = Number(
      (await fs.readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
  } catch {
    return; // no Postgres ran here, or it stopped cleanly
  }
  if (!postmaster || !isRunning(postmaster, 'postgres')) return;
  log(`Stopping Postgres (process ${postmaster}) left by a stack that died.`);
  process.kill(postmaster, 'SIGINT'); // fast shutdown: ends its sessions, keeps the data safe
  if (!(await waitUntilGone(postmaster, 'postgres', 15_000))) {
    process.kill(postmaster, 'SIGKILL');
    await waitUntilGone(postmaster, 'postgres', 5_000);
  }
}

/** Notes this process (and its PostgREST) as the data folder's stack, for the checks above. */
export function recordStack(dataDir: string, postgrest?: number): Promise<void> {
  const record: StackRecord = { stack: process.pid, ...(postgrest && { postgrest }) };
  return fs.writeFile(path.join(dataDir, RECORD), JSON.stringify(record));
}

export async function forgetStack(dataDir: string): Promise<void> {
  if ((await readRecord(dataDir))?.stack === process.pid)
    await fs.rm(path.join(dataDir, RECORD), { force: true });
}
