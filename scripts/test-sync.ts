import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../stack/config';
import type { SyncResult } from '../tests/sync/report';

/**
 * `npm run test:sync [-- --seed S --operations N]`: the model-based sync test
 * (tests/integration/live-sync-model.test.tsx) on a stack of its own, with N operations (2,000 by
 * default) from seed S (a new one each run unless given, printed so it can be replayed). Vitest's
 * own command line refuses unknown flags, hence this wrapper. The last line it prints is
 * `<N> operations, <M> divergences`; the exit code is 1 on any divergence or failure.
 */

const { values } = parseArgs({
  options: { seed: { type: 'string' }, operations: { type: 'string' } },
});
const seed = values.seed === undefined ? randomInt(1, 1_000_000) : Number(values.seed);
const operations = values.operations === undefined ? 2_000 : Number(values.operations);
if (
  !Number.isSafeInteger(seed) ||
  seed < 0 ||
  !Number.isSafeInteger(operations) ||
  operations < 1
) {
  console.error('usage: npm run test:sync -- [--seed <integer ≥ 0>] [--operations <integer ≥ 1>]');
  process.exit(2);
}

const resultFile = path.join(os.tmpdir(), `outreach-sync-${process.pid}-${seed}.json`);
rmSync(resultFile, { force: true });
console.log(`test:sync: seed ${seed}, ${operations} operations`);

const child = spawn(
  'npx',
  ['vitest', 'run', '--project', 'integration', 'tests/integration/live-sync-model.test.tsx'],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      SYNC_SEED: String(seed),
      SYNC_OPERATIONS: String(operations),
      SYNC_RESULT_FILE: resultFile,
    },
  },
);
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));

let result: SyncResult | undefined;
try {
  result = JSON.parse(readFileSync(resultFile, 'utf8')) as SyncResult;
} catch {
  // No result: vitest failed before the run finished (reported above).
} finally {
  rmSync(resultFile, { force: true });
}
if (!result) {
  console.log(`test:sync: no result: vitest exited with ${code} before the run finished`);
  process.exit(1);
}
if (result.error) console.log(`test:sync: the harness failed: ${result.error}`);
if (result.divergences) console.log(`test:sync: seed ${seed}; replay: ${result.replay}`);
console.log(`${result.operations} operations, ${result.divergences} divergences`);
process.exit(code === 0 && !result.error && result.divergences === 0 ? 0 : 1);
