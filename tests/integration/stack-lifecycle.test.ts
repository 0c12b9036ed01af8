import { rm } from 'node:fs/promises';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, cliEnv, pidsOf, startCli } from '../support/stack-cli';

let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ({ dataDir, env } = await cliEnv('outreach-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('npm run stack', () => {
  it('prints the URLs and keys, says ready, and SIGTERM stops every child process', async () => {
    const stack = startCli(env);
    const pids = await pidsOf(stack);
    expect(stack.output()).toContain(`http://127.0.0.1:${env.STACK_API_PORT}`);
    expect(stack.output()).toMatch(/anon key\s+eyJ/);
    expect(stack.output()).toMatch(/service_role key\s+eyJ/);
    expect(pids.every(alive)).toBe(true);
    stack.child.kill('SIGTERM');
    expect(await stack.exit).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('says which part died and exits non-zero when PostgREST dies', async () => {
    const stack = startCli(env);
    const [postgres, postgrest] = await pidsOf(stack);
    process.kill(postgrest!, 'SIGKILL');
    expect(await stack.exit).toBe(1);
    expect(stack.output()).toContain('PostgREST exited unexpectedly');
    expect(alive(postgres!)).toBe(false);
  });

  it('names the port when it is already in use', async () => {
    const blocker = net.createServer().listen(Number(env.STACK_API_PORT), '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const stack = startCli(env);
      expect(await stack.exit).toBe(1);
      expect(stack.output()).toContain(
        `Port ${env.STACK_API_PORT} (API gateway) is already in use`,
      );
    } finally {
      blocker.close();
    }
  });
});
