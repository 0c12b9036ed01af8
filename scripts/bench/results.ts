import os from 'node:os';

// The bench's results: one row per bar of DESIGN §7, printed as one table and written as JSON.

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  /** Requests per run (0 where that means nothing, e.g. a browser measurement). */
  requests: number;
}

export interface Row {
  what: string;
  at: string;
  measured: Timing | null;
  naive: Timing | null;
  /** Shown instead of p50 where the result is no timing (a size, a count). */
  value?: string;
  bar: string;
  /** null: not run. */
  pass: boolean | null;
  note?: string;
  /** Everything else measured, for bench/results.json. */
  details?: Record<string, unknown>;
}

/** Nearest-rank percentile of ascending numbers. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function summarize(ms: number[], requests = 0): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { runs: ms.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), requests };
}

/** Runs fn `runs` times after `warmup` untimed runs; fn counts its requests on the counter. */
export async function timeRuns(
  runs: number,
  warmup: number,
  fn: (counter: { requests: number }) => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn({ requests: 0 });
  const ms: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const counter = { requests: 0 };
    const started = performance.now();
    await fn(counter);
    ms.push(performance.now() - started);
    requests = counter.requests;
  }
  return summarize(ms, requests);
}

export const formatMs = (v: number) =>
  v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;

/** A row for a measurement left out, saying why. */
export const notRun = (what: string, at: string, bar: string, why: string): Row => ({
  what,
  at,
  measured: null,
  naive: null,
  bar,
  pass: null,
  note: why,
});

export const log = (line: string) => console.log(`  ${line}`);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The 1-minute load average: others share this machine, and its figures depend on them. */
export const loadAverage = () => Math.round(os.loadavg()[0]! * 10) / 10;
