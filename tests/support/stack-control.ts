import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadStackConfig } from '../../stack/config';
import { type RunningPostgres, startPostgres } from '../../stack/postgres';
import { type RunningStack, startStack } from '../../stack/start-stack';

/**
 * Takes a running stack's API down and brings it back on the same ports and data folder, for
 * fault tests in another process (Playwright workers). While the API is down, Postgres alone runs
 * on its usual port, as the agent's database would, so a test can keep writing rows.
 *
 *   POST /api/stop   gateway, PostgREST and realtime gone (connections refused); Postgres up
 *   POST /api/start  the whole stack again
 */
export interface StackControl {
  url: string;
  /** The stack as it runs now (a new object after every restart). */
  current(): RunningStack;
  /** Stops whatever runs: the stack or the lone Postgres, and the control server. */
  close(): Promise<void>;
}

export async function startStackControl(initial: RunningStack): Promise<StackControl> {
  const config = initial.config;
  let stack: RunningStack | null = initial;
  let lonePostgres: RunningPostgres | null = null;
  // One change at a time: a second request waits for the first to finish.
  let queue: Promise<unknown> = Promise.resolve();

  const apiDown = async () => {
    if (!stack) return;
    await stack.stop();
    stack = null;
    lonePostgres = await startPostgres(config, () => undefined);
  };
  const apiUp = async () => {
    if (stack) return;
    await lonePostgres?.stop();
    lonePostgres = null;
    stack = await startStack(loadStackConfig(process.env, { ...config }), { log: () => undefined });
  };
  const actions: Record<string, () => Promise<void>> = {
    'POST /api/stop': apiDown,
    'POST /api/start': apiUp,
  };

  const server = http.createServer((req, res) => {
    const action = actions[`${req.method} ${req.url}`];
    if (!action) return void res.writeHead(404).end();
    const run = queue.then(action);
    queue = run.catch(() => undefined);
    run.then(
      () => res.writeHead(204).end(),
      (error: Error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    current: () => {
      if (!stack) throw new Error('The stack API is down');
      return stack;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await queue;
      await stack?.stop();
      await lonePostgres?.stop();
    },
  };
}

/** Calls a StackControl from another process. */
export async function controlStack(controlUrl: string, action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`${controlUrl}/api/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`Stack ${action} failed (${res.status}): ${await res.text()}`);
}
