import { readFile, readdir } from 'node:fs/promises';
import { sleep } from './results';

// CPU and memory of the stack while it is under load, sampled once a second from /proc (Linux).
// The gateway, auth and realtime run inside the bench process itself (process.cpuUsage and
// memoryUsage); Postgres and PostgREST are child processes, and Postgres is a tree: the
// postmaster forks a backend per connection, so its group is the sum over its descendants.

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture we run on. */
const TICK_MS = 10;

export interface ProcessGroup {
  name: string;
  /** Root of a process tree (or how to find it once started), or 'self' for the bench process. */
  pid: number | 'self' | undefined | (() => number | undefined);
}

export interface GroupUsage {
  name: string;
  /** CPU over the whole window, as % of one core. */
  cpuMeanPct: number;
  /** The busiest one-second sample, as % of one core. */
  cpuPeakPct: number;
  /** Largest memory seen: resident set of the bench process, proportional set size (PSS) of a tree. */
  memoryPeakMb: number;
  memoryEndMb: number;
  processes: number;
}

interface Stat {
  ppid: number;
  /** Own CPU plus that of children it has reaped (a finished backend's time moves to its parent). */
  cpuTicks: number;
}

async function readStat(pid: number): Promise<Stat | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(fields[i - 3]);
  return { ppid: n(4), cpuTicks: n(14) + n(15) + n(16) + n(17) };
}

/** Proportional set size: shared pages (Postgres's shared buffers) counted once across the tree. */
async function readPssBytes(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => null);
  const kb = text && /^Pss:\s+(\d+) kB/m.exec(text)?.[1];
  if (kb) return Number(kb) * 1024;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

async function allStats(): Promise<Map<number, Stat>> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = await Promise.all(pids.map(async (pid) => [pid, await readStat(pid)] as const));
  return new Map(stats.filter((s): s is [number, Stat] => s[1] !== null));
}

function treeOf(root: number, stats: Map<number, Stat>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats)
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const tree: number[] = [];
  for (const queue = [root]; queue.length;) {
    const pid = queue.shift()!;
    if (!stats.has(pid)) continue;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

interface Sample {
  at: number;
  cpuMs: number[];
  memoryBytes: number[];
  processes: number[];
}

async function sample(groups: ProcessGroup[]): Promise<Sample> {
  const stats = await allStats();
  const at = performance.now();
  const cpuMs: number[] = [];
  const memoryBytes: number[] = [];
  const processes: number[] = [];
  for (const group of groups) {
    if (group.pid === 'self') {
      const cpu = process.cpuUsage();
      cpuMs.push((cpu.user + cpu.system) / 1000);
      memoryBytes.push(process.memoryUsage().rss);
      processes.push(1);
    } else {
      const root = typeof group.pid === 'function' ? group.pid() : group.pid;
      const tree = root === undefined ? [] : treeOf(root, stats);
      cpuMs.push(tree.reduce((sum, pid) => sum + stats.get(pid)!.cpuTicks * TICK_MS, 0));
      memoryBytes.push((await Promise.all(tree.map(readPssBytes))).reduce((a, b) => a + b, 0));
      processes.push(tree.length);
    }
  }
  return { at, cpuMs, memoryBytes, processes };
}

/** Samples the groups every second until stopped; then their usage over that window. */
export function sampleUsage(groups: ProcessGroup[], intervalMs = 1000) {
  const samples: Sample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      samples.push(await sample(groups));
      await sleep(intervalMs);
    }
  })();
  return {
    async stop(): Promise<GroupUsage[]> {
      stopped = true;
      await loop;
      samples.push(await sample(groups));
      const first = samples[0]!;
      const last = samples.at(-1)!;
      const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;
      return groups.map((group, g) => {
        // A process that ends between samples takes its CPU time with it: such a step is left out.
        let peak = 0;
        let used = 0;
        for (let i = 1; i < samples.length; i++) {
          const [a, b] = [samples[i - 1]!, samples[i]!];
          const step = Math.max(0, b.cpuMs[g]! - a.cpuMs[g]!);
          used += step;
          peak = Math.max(peak, (step / (b.at - a.at)) * 100);
        }
        return {
          name: group.name,
          cpuMeanPct: Math.round((used / (last.at - first.at)) * 100),
          cpuPeakPct: Math.round(peak),
          memoryPeakMb: mb(Math.max(...samples.map((s) => s.memoryBytes[g]!))),
          memoryEndMb: mb(last.memoryBytes[g]!),
          processes: Math.max(...samples.map((s) => s.processes[g]!)),
        };
      });
    },
  };
}
