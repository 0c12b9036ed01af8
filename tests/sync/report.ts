import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type NumberedOp, describeOp } from './model';

// What a run reports: each divergence with where it was seen (a query, a rendered region, or a
// model check), a short diff, the window of operations since the previous checkpoint, and the
// first operation in that window touching the rows the divergence names; then the seed and the
// command that replays it. The last line is always `<N> operations, <M> divergences`.

export interface Divergence {
  checkpoint: number;
  /** Operations since the previous checkpoint, [first, last] (0, 0 before any). */
  window: [number, number];
  kind: 'data' | 'text' | 'model';
  subject: string;
  details: string[];
  /** Row keys the divergence names (`msg:12`, `call:…`, `session:…`, `phone:0`). */
  keys: string[];
  firstOp: NumberedOp | null;
  /** Whether `firstOp` touches a named row (else it is only the window's first operation). */
  firstOpMatched: boolean;
  /** Operations of the window on the rows named, first ones first. */
  related: NumberedOp[];
}

export interface SyncResult {
  seed: number;
  operations: number;
  divergences: number;
  checkpoints: number;
  durationMs: number;
  /** Times realtime left Live during the run (each resubscription refetches, hiding gaps). */
  reconnects: number;
  /** Calls whose transcript Postgres stored out of line / calls with a transcript. */
  toasted: { transcripts: number; of: number };
  first: string | null;
  replay: string;
  /** The harness itself failed (not a divergence): settling timed out, a write failed, … */
  error?: string;
}

export const replayCommand = (seed: number, operations: number) =>
  `npm run test:sync -- --seed ${seed} --operations ${operations}`;

/**
 * The first operation in the window touching one of `keys`: the rows named (messages, calls,
 * sessions) first, else the phones named, else the window's first operation. With it, up to six
 * operations of the window on those rows (a delete after the insert, say).
 */
export function firstDivergentOp(
  ops: NumberedOp[],
  window: [number, number],
  keys: string[],
): { op: NumberedOp | null; matched: boolean; related: NumberedOp[] } {
  const inWindow = ops.filter((o) => o.n >= window[0] && o.n <= window[1]);
  const rows = new Set(keys.filter((k) => !k.startsWith('phone:')));
  const phones = new Set(keys.filter((k) => k.startsWith('phone:')));
  for (const wanted of [rows, phones]) {
    const related = inWindow.filter((o) => o.touches.some((t) => wanted.has(t)));
    if (related.length) return { op: related[0]!, matched: true, related: related.slice(0, 6) };
  }
  return { op: inWindow[0] ?? null, matched: false, related: [] };
}

export function formatDivergence(d: Divergence, index: number): string {
  const lines = [
    `divergence ${index + 1} (${d.kind}) at checkpoint ${d.checkpoint}, after operations #${d.window[0]}–#${d.window[1]}: ${d.subject}`,
    ...d.details.map((line) => `    ${line}`),
  ];
  if (d.firstOp)
    lines.push(
      `  first divergent operation: ${describeOp(d.firstOp)}${d.firstOpMatched ? '' : ' (the window’s first; none touches the rows named)'}`,
    );
  if (d.related.length > 1)
    lines.push(
      `  operations of the window on those rows: ${d.related.map(describeOp).join(' · ')}`,
    );
  return lines.join('\n');
}

export function writeResult(result: SyncResult): void {
  const file = process.env.SYNC_RESULT_FILE ?? path.join(os.tmpdir(), 'outreach-sync-result.json');
  writeFileSync(file, JSON.stringify(result, null, 2));
}

export const summaryLine = (r: Pick<SyncResult, 'operations' | 'divergences'>) =>
  `${r.operations} operations, ${r.divergences} divergences`;
