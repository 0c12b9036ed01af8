// NODE-ONLY. Direct Postgres access to the backend for scripts (db:explore, backend:test) through
// BACKEND_DATABASE_URL. Never import this from browser code: a database URL carries a password
// that must not reach the bundle (DESIGN §6). ESLint forbids importing it anywhere in src outside
// src/lib; keep it that way.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';

/**
 * What the dashboard reads from the backend (DESIGN §4), in one place: the agent's tables and
 * columns with their documented types, the read models the API calls (name and argument types,
 * as Postgres prints them), the indexes behind them and the tables realtime follows.
 */
const BACKEND_REQUIREMENTS = {
  tables: {
    numbers: {
      id: 'bigint',
      phone_number: 'text',
      session_id: 'text',
      campaign: 'text',
      created_at: 'timestamp with time zone',
    },
    sessions: {
      session_id: 'text',
      phone_number: 'text',
      campaign: 'text',
      status: 'text',
      objectives: 'jsonb',
      created_at: 'timestamp with time zone',
      updated_at: 'timestamp with time zone',
    },
    chat_history: {
      id: 'bigint',
      session_id: 'text',
      message: 'jsonb',
      created_at: 'timestamp with time zone',
    },
    calls: {
      call_id: 'text',
      session_id: 'text',
      phone_number: 'text',
      called_at: 'timestamp with time zone',
      duration: 'integer',
      status: 'text',
      transcript: 'text',
      recording_url: 'text',
      analysis: 'jsonb',
    },
    campaigns: {
      name: 'text',
      description: 'text',
      objectives: 'jsonb',
      status: 'text',
      created_at: 'timestamp with time zone',
    },
  },
  functions: [
    'message_sender(jsonb)',
    'objective_achieved(jsonb)',
    'session_ids_for_phones(text[])',
    'phone_key(text)',
    'session_activity(text[])',
    'campaign_stats(text)',
    'live_sessions(integer, text, text[], text, text[])',
    'candidate_profile(text[])',
    'candidate_summary(text[])',
    'chat_page(text[], timestamp with time zone, bigint, integer)',
  ],
  indexes: [
    { table: 'chat_history', columns: ['session_id', 'created_at'] },
    { table: 'chat_history', columns: ['session_id', 'created_at', 'id'] },
    { table: 'calls', columns: ['session_id', 'called_at'] },
    { table: 'sessions', columns: ['campaign', 'status', 'updated_at'] },
    { table: 'numbers', columns: ['phone_number'] },
  ],
  realtime: ['chat_history', 'calls', 'sessions', 'numbers'],
} as const;

export type BackendTable = keyof typeof BACKEND_REQUIREMENTS.tables;
export const BACKEND_TABLES = Object.keys(BACKEND_REQUIREMENTS.tables) as BackendTable[];

// ---------------------------------------------------------------------------------------------
// Connecting

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];
const SSL_PARAMS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'ssl', 'uselibpqcompat'];

const isLocalHost = (host: string) =>
  host === '' ||
  host === 'localhost' ||
  host === '::1' ||
  host === '[::1]' ||
  host.startsWith('127.') ||
  host.startsWith('/');

/**
 * TLS options for `sslmode` with libpq's meaning (pg 8 reads `require` as `verify-full`, which
 * refuses Supabase's hosted Postgres: its certificate chains to Supabase's own CA):
 * - `disable`, `allow`: no TLS;
 * - `prefer` (libpq's default, used when the URL has none): TLS without verification, except on
 *   this machine, where servers usually have no certificate at all;
 * - `require`: TLS without verification (encrypted, server not authenticated), unless
 *   `sslrootcert` is given, which makes it `verify-ca` as in libpq;
 * - `verify-ca`: the certificate must chain to `sslrootcert` (or the system CAs), any host name;
 * - `verify-full`: chain and host name (for Supabase, download its CA and pass it as sslrootcert).
 */
function sslOptions(
  mode: SslMode,
  host: string,
  files: { rootCert?: string; cert?: string; key?: string } = {},
): false | ConnectionOptions {
  const read = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
  const client = { cert: read(files.cert), key: read(files.key) };
  const ca = files.rootCert && files.rootCert !== 'system' ? read(files.rootCert) : undefined;
  switch (mode) {
    case 'disable':
    case 'allow':
      return false;
    case 'prefer':
      return isLocalHost(host) ? false : { ...client, rejectUnauthorized: false };
    case 'require':
      return ca
        ? { ...client, ca, checkServerIdentity: () => undefined }
        : { ...client, rejectUnauthorized: false };
    case 'verify-ca':
      return { ...client, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ...client, ca };
  }
}

/**
 * Pool settings for a `postgresql://` URL, with TLS decided here from `sslmode` (else PGSSLMODE,
 * else `prefer`) rather than by pg's own reading of it.
 */
function backendPoolConfig(url: string, env: NodeJS.ProcessEnv = process.env): pg.PoolConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The database URL is not a valid postgresql:// URL.');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:')
    throw new Error(`The database URL must start with postgresql://, not ${parsed.protocol}//.`);
  const params = parsed.searchParams;
  const mode = params.get('sslmode') || env.PGSSLMODE || 'prefer';
  if (!(SSL_MODES as readonly string[]).includes(mode))
    throw new Error(`Unknown sslmode "${mode}": use one of ${SSL_MODES.join(', ')}.`);
  const host = params.get('host') ?? decodeURIComponent(parsed.hostname);
  const ssl = sslOptions(mode as SslMode, host, {
    rootCert: params.get('sslrootcert') ?? undefined,
    cert: params.get('sslcert') ?? undefined,
    key: params.get('sslkey') ?? undefined,
  });
  for (const name of SSL_PARAMS) params.delete(name);
  return {
    connectionString: parsed.toString(),
    ssl,
    max: 4,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    application_name: 'outreach-dashboard-scripts',
  };
}

/** A small pool for one script run; `end()` it when done. */
export function createBackendPool(url: string, env: NodeJS.ProcessEnv = process.env): pg.Pool {
  const pool = new pg.Pool(backendPoolConfig(url, env));
  // An idle client losing its connection must not crash the script; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the schema

interface ColumnInfo {
  name: string;
  /** As Postgres prints it: `text`, `timestamp with time zone`, `character varying(20)`. */
  type: string;
  nullable: boolean;
  /** The default expression, or `identity`; null when none. */
  default: string | null;
}

interface IndexInfo {
  name: string;
  /** Key columns in order (expressions are left out; see `definition`). */
  columns: string[];
  unique: boolean;
  primary: boolean;
  definition: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  /** Null when not counted (`rowCounts: false`). */
  rowCount: number | null;
  /** False when `rowCount` is the planner's estimate (tables over ESTIMATE_ABOVE rows). */
  rowCountExact: boolean;
  rowLevelSecurity: boolean;
  /** In the `supabase_realtime` publication. */
  realtime: boolean;
}

export interface FunctionInfo {
  name: string;
  /** Argument types, e.g. `integer, text, text[]`. */
  args: string;
  returns: string;
  securityDefiner: boolean;
  volatility: 'immutable' | 'stable' | 'volatile';
}

/** Above this many rows (by the planner's estimate) a table is not counted exactly. */
const ESTIMATE_ABOVE = 1_000_000;

const qualified = (schema: string, table: string) =>
  `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;

/** Tables of a schema with columns, types, indexes and row counts (exact up to ESTIMATE_ABOVE). */
export async function describeSchema(
  pool: pg.Pool,
  { schema = 'public', rowCounts = true }: { schema?: string; rowCounts?: boolean } = {},
): Promise<TableInfo[]> {
  const tables = await pool.query<{
    name: string;
    estimate: number;
    rls: boolean;
    realtime: boolean;
  }>(
    `select c.relname as name, c.reltuples::float8 as estimate, c.relrowsecurity as rls,
       exists (select 1 from pg_publication_tables p
               where p.pubname = 'supabase_realtime' and p.schemaname = n.nspname and p.tablename = c.relname) as realtime
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`,
    [schema],
  );
  const columns = await pool.query<ColumnInfo & { table: string }>(
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
       not a.attnotnull as nullable,
       case when a.attidentity <> '' then 'identity' else pg_get_expr(d.adbin, d.adrelid) end as default
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
     order by c.relname, a.attnum`,
    [schema],
  );
  const indexes = await pool.query<IndexInfo & { table: string }>(
    `select c.relname as table, ic.relname as name, i.indisunique as unique, i.indisprimary as primary,
       pg_get_indexdef(i.indexrelid) as definition,
       array(select a.attname::text
             from unnest(i.indkey[0:i.indnkeyatts - 1]) with ordinality k(attnum, position)
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
             order by k.position) as columns
     from pg_index i
     join pg_class c on c.oid = i.indrelid
     join pg_class ic on ic.oid = i.indexrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1
     order by c.relname, i.indisprimary desc, ic.relname`,
    [schema],
  );
  const result: TableInfo[] = [];
  for (const t of tables.rows) {
    // reltuples is -1 for a table never analyzed: count it, it is most likely small.
    const estimated = rowCounts && t.estimate > ESTIMATE_ABOVE;
    let rowCount: number | null = null;
    if (estimated) rowCount = Math.round(t.estimate);
    else if (rowCounts) {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from ${qualified(schema, t.name)}`,
      );
      rowCount = Number(rows[0]?.n ?? 0);
    }
    result.push({
      name: t.name,
      columns: columns.rows
        .filter((c) => c.table === t.name)
        .map(({ name, type, nullable, default: def }) => ({ name, type, nullable, default: def })),
      indexes: indexes.rows
        .filter((i) => i.table === t.name)
        .map(({ name, columns: cols, unique, primary, definition }) => ({
          name,
          columns: cols,
          unique,
          primary,
          definition,
        })),
      rowCount,
      rowCountExact: rowCounts && !estimated,
      rowLevelSecurity: t.rls,
      realtime: t.realtime,
    });
  }
  return result;
}

/** The schema's own functions (not those of extensions), with argument types as Postgres prints them. */
export async function describeFunctions(pool: pg.Pool, schema = 'public'): Promise<FunctionInfo[]> {
  const { rows } = await pool.query<FunctionInfo & { volatility: string }>(
    `select p.proname as name, oidvectortypes(p.proargtypes) as args,
       pg_get_function_result(p.oid) as returns, p.prosecdef as "securityDefiner",
       case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end as volatility
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = $1 and p.prokind = 'f'
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     order by 1, 2`,
    [schema],
  );
  return rows as FunctionInfo[];
}

export interface SchemaCheck {
  /** What the dashboard cannot work without: `missing table: calls`, `missing column: sessions.objectives`. */
  problems: string[];
  /** What it works without, worse: other column types, no row-level security, a missing index. */
  warnings: string[];
}

/** Compares the backend with BACKEND_REQUIREMENTS, naming each table, column or function missing. */
export async function checkBackendSchema(pool: pg.Pool, schema = 'public'): Promise<SchemaCheck> {
  const tables = new Map(
    (await describeSchema(pool, { schema, rowCounts: false })).map((t) => [t.name, t]),
  );
  const functions = new Set(
    (await describeFunctions(pool, schema)).map((f) => `${f.name}(${f.args})`),
  );
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const [name, wanted] of Object.entries(BACKEND_REQUIREMENTS.tables)) {
    const table = tables.get(name);
    if (!table) {
      problems.push(`missing table: ${name}`);
      continue;
    }
    for (const [column, type] of Object.entries(wanted)) {
      const found = table.columns.find((c) => c.name === column);
      if (!found) problems.push(`missing column: ${name}.${column}`);
      else if (found.type !== type)
        warnings.push(`column type: ${name}.${column} is ${found.type}, expected ${type}`);
    }
    if (!table.rowLevelSecurity) warnings.push(`row-level security off: ${name} (DESIGN §6)`);
  }
  for (const fn of BACKEND_REQUIREMENTS.functions) {
    if (!functions.has(fn)) problems.push(`missing function: ${fn}`);
  }
  for (const { table, columns } of BACKEND_REQUIREMENTS.indexes) {
    const found = tables
      .get(table)
      ?.indexes.some((i) => columns.every((c, n) => i.columns[n] === c));
    if (tables.has(table) && !found)
      warnings.push(`missing index: ${table}(${columns.join(', ')})`);
  }
  for (const table of BACKEND_REQUIREMENTS.realtime) {
    if (tables.has(table) && !tables.get(table)?.realtime)
      warnings.push(`not in the supabase_realtime publication: ${table}`);
  }
  return { problems, warnings };
}

// ---------------------------------------------------------------------------------------------
// Reading data

/** A few rows of a table, as pg returns them (values already parsed: Dates, objects, …). */
export async function sampleRows(
  pool: pg.Pool,
  table: string,
  { limit = 3, schema = 'public' }: { limit?: number; schema?: string } = {},
): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query<Record<string, unknown>>(
    `select * from ${qualified(schema, table)} limit $1`,
    [limit],
  );
  return rows;
}

export interface JsonKeyFrequencies {
  /** Rows looked at (non-null values), at most the sample limit. */
  sampled: number;
  /** Sampled values that are not JSON objects (strings, arrays, numbers, …), by JSON type. */
  nonObjects: Record<string, number>;
  /** Top-level keys, most frequent first, with the JSON types their values had. */
  keys: { key: string; count: number; types: string[] }[];
}

/**
 * Which keys the JSON objects in a column have, over a bounded sample: the latest `sampleLimit`
 * rows by `orderBy` (descending), or any `sampleLimit` rows without it. Works on json, jsonb and
 * text columns alike (a text value counts as a JSON string).
 */
export async function jsonKeyFrequencies(
  pool: pg.Pool,
  table: string,
  column: string,
  sampleLimit = 5000,
  {
    orderBy,
    schema = 'public',
    top = 20,
  }: { orderBy?: string; schema?: string; top?: number } = {},
): Promise<JsonKeyFrequencies> {
  const col = pg.escapeIdentifier(column);
  const order = orderBy ? `order by ${pg.escapeIdentifier(orderBy)} desc nulls last` : '';
  const sample = `select to_jsonb(${col}) as v from ${qualified(schema, table)} where ${col} is not null ${order} limit $1`;
  const [types, keys] = await Promise.all([
    pool.query<{ type: string; n: string }>(
      `with sample as (${sample}) select jsonb_typeof(v) as type, count(*) as n from sample group by 1`,
      [sampleLimit],
    ),
    pool.query<{ key: string; n: string; types: string[] }>(
      `with sample as (${sample})
       select k.key, count(*) as n, array_agg(distinct jsonb_typeof(k.value) order by jsonb_typeof(k.value)) as types
       from sample cross join lateral jsonb_each(case when jsonb_typeof(v) = 'object' then v else '{}'::jsonb end) k
       group by k.key order by n desc, k.key limit $2`,
      [sampleLimit, top],
    ),
  ]);
  const nonObjects: Record<string, number> = {};
  for (const row of types.rows) if (row.type !== 'object') nonObjects[row.type] = Number(row.n);
  return {
    sampled: types.rows.reduce((sum, row) => sum + Number(row.n), 0),
    nonObjects,
    keys: keys.rows.map((row) => ({ key: row.key, count: Number(row.n), types: row.types })),
  };
}
