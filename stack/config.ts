import path from 'node:path';
import { parseCorsOrigins } from './origins';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from './keys';

/**
 * Which of DESIGN §1's layouts this stack serves: `single`, one project with every table (the
 * default); or one of the two projects of the two-project layout, each with only its own
 * migrations and demo data: `app` (staff, candidates, jobs, notes; staff sign in here) and
 * `backend` (the agent's tables, with realtime).
 */
export type StackProject = 'single' | 'app' | 'backend';

export interface StackConfig {
  project: StackProject;
  host: string;
  apiPort: number;
  dbPort: number;
  /** PostgREST's own port, internal to the stack; 0 picks a free one. */
  restPort: number;
  dataDir: string;
  jwtSecret: string;
  jwtExpirySeconds: number;
  anonKey: string;
  serviceRoleKey: string;
  seedDemoData: boolean;
  /** Fixed "now" for the demo data (deterministic tests); defaults to the time of seeding. */
  demoAnchor?: Date;
  authRateLimits: AuthRateLimits;
  /** Web origins allowed besides this machine's (STACK_CORS_ORIGINS; stack/origins.ts). */
  corsOrigins: string[];
  /**
   * Commits flushed to disk (fsync on), as on a hosted database: for timing writes (the bench).
   * Off by default: a local database trades the last seconds' crash safety for speed.
   */
  durable?: boolean;
}

/**
 * Requests allowed per 5 minutes (a burst of that many, then refilled evenly). Per IP, GoTrue's
 * defaults on Supabase: 30 sign-ins and sign-ups, 150 token refreshes; per e-mail, failed sign-ins,
 * so that guessing one account's password from many addresses is limited too.
 */
export interface AuthRateLimits {
  signInsPerIp: number;
  refreshesPerIp: number;
  failedSignInsPerEmail: number;
}
export const AUTH_RATE_WINDOW_SECONDS = 300;

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

const PORT = [0, 65535] as const;
const COUNT = [1, 1_000_000_000] as const;

function intFromEnv(
  value: string | undefined,
  fallback: number,
  name: string,
  [min, max]: readonly [number, number] = PORT,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Defaults are the Supabase CLI's local ports (DESIGN §5); every value can be overridden by env. */
export function loadStackConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<StackConfig> = {},
): StackConfig {
  return {
    project: 'single',
    host: '127.0.0.1',
    apiPort: intFromEnv(env.STACK_API_PORT, 54321, 'STACK_API_PORT'),
    dbPort: intFromEnv(env.STACK_DB_PORT, 54322, 'STACK_DB_PORT'),
    restPort: intFromEnv(env.STACK_REST_PORT, 0, 'STACK_REST_PORT'),
    dataDir: path.resolve(REPO_ROOT, env.STACK_DATA_DIR || '.stack'),
    jwtSecret: LOCAL_JWT_SECRET,
    jwtExpirySeconds: intFromEnv(env.STACK_JWT_EXPIRY, 3600, 'STACK_JWT_EXPIRY'),
    authRateLimits: {
      signInsPerIp: intFromEnv(
        env.STACK_AUTH_RATE_LIMIT_SIGN_IN,
        30,
        'STACK_AUTH_RATE_LIMIT_SIGN_IN',
        COUNT,
      ),
      refreshesPerIp: intFromEnv(
        env.STACK_AUTH_RATE_LIMIT_REFRESH,
        150,
        'STACK_AUTH_RATE_LIMIT_REFRESH',
        COUNT,
      ),
      failedSignInsPerEmail: intFromEnv(
        env.STACK_AUTH_RATE_LIMIT_FAILED_SIGN_IN_PER_EMAIL,
        10,
        'STACK_AUTH_RATE_LIMIT_FAILED_SIGN_IN_PER_EMAIL',
        COUNT,
      ),
    },
    corsOrigins: parseCorsOrigins(env.STACK_CORS_ORIGINS),
    anonKey: LOCAL_ANON_KEY,
    serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
    seedDemoData: env.STACK_SEED !== 'false',
    ...overrides,
  };
}

export const apiUrl = (c: StackConfig) => `http://${c.host}:${c.apiPort}`;
export const dbUrl = (c: StackConfig) =>
  `postgresql://postgres:postgres@${c.host}:${c.dbPort}/postgres`;
/** Postgres lives in a subfolder so the data folder can hold other state beside it. */
export const pgDataDir = (c: StackConfig) => path.join(c.dataDir, 'pg');

/**
 * The two-project layout's configurations (`--two-projects`): the app project on the usual ports
 * and the backend project ten above them (54331 / 54332, STACK_BACKEND_API_PORT and
 * STACK_BACKEND_DB_PORT to change), with the same JWT secret and keys, in two data folders under
 * the single stack's one so that neither shares state with it.
 */
export function loadTwoProjectConfigs(
  env: NodeJS.ProcessEnv = process.env,
): Record<'app' | 'backend', StackConfig> {
  const base = loadStackConfig(env);
  return {
    app: { ...base, project: 'app', dataDir: path.join(base.dataDir, 'two-projects', 'app') },
    backend: {
      ...base,
      project: 'backend',
      apiPort: intFromEnv(env.STACK_BACKEND_API_PORT, 54331, 'STACK_BACKEND_API_PORT'),
      dbPort: intFromEnv(env.STACK_BACKEND_DB_PORT, 54332, 'STACK_BACKEND_DB_PORT'),
      restPort: 0,
      dataDir: path.join(base.dataDir, 'two-projects', 'backend'),
    },
  };
}
