import { existsSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../stack/net';
import { alive, cliEnv, startCli, waitFor } from '../support/stack-cli';

// `npm run stack -- --two-projects` as a user runs it: both projects start, the banner names both,
// the scripts' record appears, and one Ctrl-C stops every process of both and removes the record.

it(
  'starts the app and the backend project and stops both on Ctrl-C',
  { timeout: 120_000 },
  async () => {
    const { dataDir, env } = await cliEnv('outreach-cli-two-', {
      STACK_BACKEND_API_PORT: String(await freePort()),
      STACK_BACKEND_DB_PORT: String(await freePort()),
    });
    await chmod(dataDir, 0o755);
    try {
      const stack = startCli(env, ['--two-projects']);
      await waitFor(stack, /Two-project layout \(app and backend\) ready/, 90_000);
      const output = stack.output();
      expect(output).toContain(
        `App project\n  API URL          http://127.0.0.1:${env.STACK_API_PORT}`,
      );
      expect(output).toContain(
        `Backend project\n  API URL          http://127.0.0.1:${env.STACK_BACKEND_API_PORT}`,
      );
      const pids = [...output.matchAll(/Processes\s+postgres (\d+), postgrest (\d+)/g)].flatMap(
        (m) => [Number(m[1]), Number(m[2])],
      );
      expect(pids).toHaveLength(4);
      expect(pids.every(alive)).toBe(true);
      const record = path.join(dataDir, 'layout.json');
      expect(existsSync(record)).toBe(true);

      stack.child.kill('SIGINT');
      expect(await stack.exit).toBe(0);
      expect(pids.filter(alive)).toEqual([]);
      expect(existsSync(record)).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
