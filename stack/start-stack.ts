import type http from 'node:http';
import pg from 'pg';
import { createAuthHandler } from './auth/auth-server';
import { createPasswordHasher } from './auth/password-hasher';
import { type StackConfig, apiUrl, dbUrl, pgDataDir } from './config';
import { seedDemoData } from './demo';
import { createGateway } from './gateway';
import { clearLeftovers, forgetStack, recordStack } from './leftovers';
import { migrate, migrationsForStack } from './migrate';
import { assertPortFree, freePort } from './net';
import { type RunningPostgres, startPostgres } from './postgres';
import { type RunningPostgrest, startPostgrest } from './postgrest';
import { type RealtimeServer, startRealtime } from './realtime/server';
import { startWatchdog } from './watchdog';

export interface RunningStack {
  config: StackConfig;
  apiUrl: string;
  dbUrl: string;
  pids: { postgres: number | undefined; postgrest: number | undefined };
  /** Rejects, naming the part, when Postgres or PostgREST dies while the stack runs. */
  crashed: Promise<never>;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
}

/**
 * What a dead stack left on the data folder is cleared, then: Postgres → migrations → demo data
 * (empty database only) → PostgREST → realtime → gateway. However this process ends, a watchdog
 * takes Postgres and PostgREST with it.
 */
export async function startStack(
  config: StackConfig,
  { log = console.log }: StartOptions = {},
): Promise<RunningStack> {
  await clearLeftovers(config.dataDir, pgDataDir(config), log);
  await assertPortFree(config.apiPort, 'API gateway', config.host);
  await assertPortFree(config.dbPort, 'Postgres', config.host);
  const restPort = config.restPort || (await freePort(config.host));

  let stopping = false;
  let postgres: RunningPostgres | undefined;
  let postgrest: RunningPostgrest | undefined;
  let realtime: RealtimeServer | undefined;
  let pool: pg.Pool | undefined;
  let gateway: http.Server | undefined;
  const watchdog = startWatchdog();
  const passwords = createPasswordHasher();

  const stop = async () => {
    stopping = true;
    // First: its sockets are upgraded connections, which closing the gateway would wait for.
    await realtime?.stop();
    await closeGateway(gateway);
    await postgrest?.stop();
    await pool?.end().catch(() => undefined);
    await postgres?.stop();
    await passwords.close();
    await forgetStack(config.dataDir).catch(() => undefined);
    watchdog.stop();
  };

  try {
    postgres = await startPostgres(config, (line) => log(`[postgres] ${line}`));
    watchdog.watch(postgres.pid, 'INT');
    await recordStack(config.dataDir);
    pool = new pg.Pool({ connectionString: dbUrl(config), max: 10 });
    pool.on('error', () => undefined); // idle clients die with Postgres; the crash watcher reports it

    const client = await pool.connect();
    try {
      const applied = await migrate(client, migrationsForStack(config.project));
      if (applied.length) log(`Applied ${applied.length} migration(s).`);
      if (config.seedDemoData) await seedIfEmpty(client, config, log);
    } finally {
      client.release();
    }

    postgrest = await startPostgrest(
      config,
      restPort,
      (line) => log(`[postgrest] ${line}`),
      watchdog,
    );
    await recordStack(config.dataDir, postgrest.child.pid);
    const auth = createAuthHandler({
      pool,
      jwtSecret: config.jwtSecret,
      issuer: `${apiUrl(config)}/auth/v1`,
      expiresIn: config.jwtExpirySeconds,
      log: (line) => log(`[auth] ${line}`),
      rateLimits: config.authRateLimits,
      passwords,
    });
    // Every project serves realtime: the backend the agent's tables, the app its attention claims.
    realtime = await startRealtime({
      dbUrl: dbUrl(config),
      jwtSecret: config.jwtSecret,
      log: (line) => log(`[realtime] ${line}`),
    });
    gateway = createGateway({
      jwtSecret: config.jwtSecret,
      log: (line) => log(`[gateway] ${line}`),
      postgrestUrl: postgrest.url,
      corsOrigins: config.corsOrigins,
      auth,
      realtimeUpgrade: realtime?.upgrade,
    });
    await new Promise<void>((resolve, reject) => {
      gateway!.once('error', reject);
      gateway!.listen(config.apiPort, config.host, () => resolve());
    });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const watch = (name: string, exited: Promise<number | null>) =>
    exited.then((code) => {
      if (!stopping) throw new Error(`${name} exited unexpectedly (code ${code ?? 'none'})`);
      return new Promise<never>(() => undefined);
    });
  const crashed = Promise.race([
    watch('Postgres', postgres.exited),
    watch('PostgREST', postgrest.exited),
  ]);
  crashed.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection

  const pids = { postgres: postgres.pid, postgrest: postgrest.child.pid };
  return { config, apiUrl: apiUrl(config), dbUrl: dbUrl(config), pids, crashed, stop };
}

async function seedIfEmpty(
  client: pg.PoolClient,
  config: StackConfig,
  log: (line: string) => void,
) {
  // Seeded once: into a database that has none of its project's demo rows yet.
  const empty = {
    single: 'not exists (select 1 from public.sessions) and not exists (select 1 from auth.users)',
    app: 'not exists (select 1 from public.candidates) and not exists (select 1 from auth.users)',
    backend: 'not exists (select 1 from public.sessions)',
  }[config.project];
  const { rows } = await client.query<{ empty: boolean }>(`select ${empty} as empty`);
  if (!rows[0]?.empty) return;
  const started = Date.now();
  const summary = await seedDemoData(client, {
    anchor: config.demoAnchor,
    recordingBaseUrl: `${apiUrl(config)}/storage/v1/object/public/recordings`,
    tables: config.project === 'single' ? 'all' : config.project,
  });
  const counts = Object.entries(summary)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  log(`Seeded demo data in ${Date.now() - started} ms: ${counts}.`);
}

/**
 * Stops accepting connections and ends the open ones. `close()` alone waits for every socket, and
 * a keep-alive socket whose request was still running when it was called stays open for the whole
 * keep-alive time (65 s) once answered: requests in flight get a moment, then every socket goes.
 */
function closeGateway(gateway: http.Server | undefined): Promise<void> {
  if (!gateway?.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => gateway.closeAllConnections(), GATEWAY_DRAIN_MS);
    gateway.close(() => {
      clearTimeout(force);
      resolve();
    });
    gateway.closeIdleConnections();
  });
}

const GATEWAY_DRAIN_MS = 500;
