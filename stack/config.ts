import path from 'node:path';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from './keys';

export interface StackConfig {
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
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
}

/** Defaults are the Supabase CLI's local ports (DESIGN §5); every value can be overridden by env. */
export function loadStackConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<StackConfig> = {},
): StackConfig {
  return {
    host: '127.0.0.1',
    apiPort: intFromEnv(env.STACK_API_PORT, 54321, 'STACK_API_PORT'),
    dbPort: intFromEnv(env.STACK_DB_PORT, 54322, 'STACK_DB_PORT'),
    restPort: intFromEnv(env.STACK_REST_PORT, 0, 'STACK_REST_PORT'),
    dataDir: path.resolve(REPO_ROOT, env.STACK_DATA_DIR || '.stack'),
    jwtSecret: LOCAL_JWT_SECRET,
    jwtExpirySeconds: intFromEnv(env.STACK_JWT_EXPIRY, 3600, 'STACK_JWT_EXPIRY'),
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
