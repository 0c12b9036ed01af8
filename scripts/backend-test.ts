import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { checkAccess } from '../src/lib/access-check';
import { ApiError } from '../src/lib/api-error';
import { checkBackendSchema, createBackendPool, redactUrl } from '../src/lib/backend-db';
import { type BackendApi, createBackendApi } from '../src/lib/backend-queries';
import type { Database } from '../src/lib/database.types';
import { normalizePhone } from '../src/lib/normalizers';
import { staffRoleClaim } from '../src/lib/token-claims';
import { DEMO_PASSWORD, DEMO_STAFF } from '../stack/demo/staff';
import { loadStackConfig } from '../stack/config';
import { localProjects } from '../stack/local-layout';
import { backendDatabaseUrl, connectionHint, loadEnvFiles } from './script-env';
import { count, oneLine, renderTable } from './terminal-table';

/**
 * `npm run backend:test`: smoke-tests the backend the dashboard is configured for. It checks the
 * schema over a direct database connection (every table, column and read model the dashboard
 * needs), then finds a real phone, session and campaign through the API and calls every backend
 * API function with the official supabase-js client, as the browser does.
 *
 * Local stack (the default): nothing to set. Hosted: VITE_BACKEND_SUPABASE_URL or
 * VITE_SUPABASE_URL, VITE_SUPABASE_ANON_KEY, and BACKEND_TEST_EMAIL + BACKEND_TEST_PASSWORD (a
 * staff member) or SUPABASE_SERVICE_ROLE_KEY; BACKEND_DATABASE_URL for the schema check.
 * Exit code: 0 all passed, 1 something failed, 2 incomplete configuration.
 */

type Client = SupabaseClient<Database>;
type Credentials = { serviceRoleKey: string } | { email: string; password: string };

interface Target {
  /** Where the backend tables are served. */
  restUrl: string;
  restAnonKey: string;
  /** Where staff sign in: the app project in the two-project layout (DESIGN §1). */
  authUrl: string;
  authAnonKey: string;
  credentials: Credentials;
  /** Null when a hosted backend has no BACKEND_DATABASE_URL: the schema check is skipped. */
  databaseUrl: string | null;
  local: boolean;
}

class ConfigError extends Error {}

function readTarget(env: NodeJS.ProcessEnv): Target {
  const get = (name: string) => env[name]?.trim() || undefined;
  const appUrl = get('VITE_SUPABASE_URL');
  const backendUrl = get('VITE_BACKEND_SUPABASE_URL') ?? appUrl;
  const serviceRoleKey = get('SUPABASE_SERVICE_ROLE_KEY');
  const email = get('BACKEND_TEST_EMAIL');
  const password = get('BACKEND_TEST_PASSWORD');
  const database = backendDatabaseUrl(env);

  if (!backendUrl) {
    // The local stack, or the two-project layout's app and backend projects while it runs.
    const { app, backend } = localProjects(env);
    const { anonKey: localAnonKey } = loadStackConfig(env);
    return {
      restUrl: backend.apiUrl,
      restAnonKey: localAnonKey,
      authUrl: app.apiUrl,
      authAnonKey: localAnonKey,
      credentials: serviceRoleKey
        ? { serviceRoleKey }
        : { email: email ?? DEMO_STAFF[0]!.email, password: password ?? DEMO_PASSWORD },
      databaseUrl: database.url,
      local: true,
    };
  }
  const anonKey = get('VITE_SUPABASE_ANON_KEY');
  const restAnonKey = get('VITE_BACKEND_SUPABASE_ANON_KEY') ?? anonKey;
  let credentials: Credentials;
  if (serviceRoleKey) credentials = { serviceRoleKey };
  else if (email && password) credentials = { email, password };
  else
    throw new ConfigError(
      'For a hosted backend set BACKEND_TEST_EMAIL and BACKEND_TEST_PASSWORD (a staff member) or SUPABASE_SERVICE_ROLE_KEY.',
    );
  if (!('serviceRoleKey' in credentials) && !anonKey)
    throw new ConfigError('VITE_SUPABASE_ANON_KEY is not set (needed to sign in).');
  return {
    restUrl: backendUrl.replace(/\/+$/, ''),
    restAnonKey: restAnonKey ?? '',
    authUrl: (appUrl ?? backendUrl).replace(/\/+$/, ''),
    authAnonKey: anonKey ?? '',
    credentials,
    databaseUrl: database.local ? null : database.url,
    local: false,
  };
}

// Node 20 has no global WebSocket: realtime-js needs `ws` (DESIGN §5).
const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  realtime: { transport: WebSocket as never },
  db: { schema: 'public' as const },
};

/** The official client as the dashboard builds it: a staff session's token, or the service role. */
async function connect(target: Target): Promise<{ client: Client; who: string }> {
  const { credentials } = target;
  if ('serviceRoleKey' in credentials) {
    return {
      client: createClient<Database>(target.restUrl, credentials.serviceRoleKey, clientOptions),
      who: 'the service role',
    };
  }
  const auth = createClient<Database>(target.authUrl, target.authAnonKey, clientOptions);
  const { data, error } = await auth.auth.signInWithPassword(credentials);
  if (error || !data.session)
    throw new Error(
      `Cannot sign in as ${credentials.email} at ${target.authUrl}: ${error?.message ?? 'no session'}.`,
    );
  const token = data.session.access_token;
  const client = createClient<Database>(target.restUrl, target.restAnonKey, {
    realtime: clientOptions.realtime,
    db: clientOptions.db,
    accessToken: async () => token,
  });
  // The dashboard's own check of the setup: a staff member, and a backend project that answers,
  // accepts the app project's token and has the migrations. It names what is wrong.
  const problem = await checkAccess(
    {
      app: auth,
      backend: target.restUrl === target.authUrl ? null : { db: client, url: target.restUrl },
    },
    { userId: data.user.id, email: credentials.email, staffRoleClaim: staffRoleClaim(token) },
  );
  if (problem) throw new Error(`${problem.title}. ${problem.detail}`);
  return { client, who: credentials.email };
}

/** Fails the schema check (exit 1) naming what is missing; warnings are printed and pass. */
async function checkSchema(databaseUrl: string): Promise<boolean> {
  const pool = createBackendPool(databaseUrl);
  try {
    const { problems, warnings } = await checkBackendSchema(pool);
    for (const line of [...problems, ...warnings.map((w) => `warning: ${w}`)])
      console.log(`  ${line}`);
    console.log(
      problems.length
        ? `Schema check failed: ${problems.length} missing. Apply supabase/migrations to the backend (see README).`
        : 'Schema: every table, column and read model the dashboard needs is there.\n',
    );
    return problems.length === 0;
  } catch (error) {
    throw new Error(
      `Cannot check the schema at ${redactUrl(databaseUrl)}: ${(error as Error).message}`,
    );
  } finally {
    await pool.end();
  }
}

interface Sample {
  phone: string;
  sessionId: string;
  campaign: string;
  /** The session has at least one call, so the call functions must return some. */
  hasCall: boolean;
}

/** A recently active session with a usable phone and campaign, preferring one with calls. */
async function findSample(client: Client): Promise<Sample> {
  const recent = await client
    .from('sessions')
    .select('session_id, phone_number, campaign')
    .order('updated_at', { ascending: false, nullsFirst: false })
    .limit(200);
  if (recent.error) throw new Error(`Cannot read sessions: ${recent.error.message}`);
  if (!recent.data.length)
    throw new Error(
      'The API shows no sessions: the backend is empty, or the signed-in user is not in staff_members.',
    );
  const calls = await client
    .from('calls')
    .select('session_id')
    .in(
      'session_id',
      recent.data.map((s) => s.session_id),
    )
    .limit(1000);
  if (calls.error) throw new Error(`Cannot read calls: ${calls.error.message}`);
  const withCalls = new Set(calls.data.map((c) => c.session_id));
  const usable = recent.data.filter((s) => normalizePhone(s.phone_number).ok && s.campaign);
  const pick = usable.find((s) => withCalls.has(s.session_id)) ?? usable[0] ?? recent.data[0]!;

  let phone = normalizePhone(pick.phone_number).ok ? pick.phone_number : null;
  if (!phone) {
    const numbers = await client
      .from('numbers')
      .select('phone_number')
      .eq('session_id', pick.session_id);
    phone = numbers.data?.find((n) => normalizePhone(n.phone_number).ok)?.phone_number ?? null;
  }
  if (!phone)
    throw new Error(
      `No usable phone number for session ${pick.session_id} in sessions or numbers.`,
    );
  let campaign = pick.campaign;
  if (!campaign)
    campaign = (await client.from('campaigns').select('name').limit(1)).data?.[0]?.name ?? null;
  if (!campaign) throw new Error('No campaign found in sessions or campaigns.');
  return { phone, sessionId: pick.session_id, campaign, hasCall: withCalls.has(pick.session_id) };
}

// Methods, not function properties, so that any Check<T> is a Check<unknown>.
interface Check<T> {
  name: string;
  args: string;
  run(signal: AbortSignal): Promise<T>;
  rows(result: T): number;
  /** What is wrong with the result, given what the sample is known to have; null when fine. */
  verify?(result: T): string | null;
}
const check = <T>(c: Check<T>): Check<unknown> => c;

const atLeastOne = (what: string) => (rows: unknown[]) =>
  rows.length ? null : `expected at least one ${what}`;

/** Every function of createBackendApi, asked about the sample. */
function checks(api: BackendApi, s: Sample): Check<unknown>[] {
  const callsExpected = s.hasCall ? atLeastOne('call') : undefined;
  return [
    check({
      name: 'getChatHistoryByPhone',
      args: s.phone,
      run: (signal) => api.getChatHistoryByPhone(s.phone, { signal }),
      rows: (r) => r.length,
    }),
    check({
      name: 'getChatHistoryBySession',
      args: s.sessionId,
      run: (signal) => api.getChatHistoryBySession(s.sessionId, { signal }),
      rows: (r) => r.length,
    }),
    check({
      name: 'getSessionByPhone',
      args: s.phone,
      run: (signal) => api.getSessionByPhone(s.phone, { signal }),
      rows: (r) => (r ? 1 : 0),
      verify: (r) => (r ? null : 'expected the session behind this phone'),
    }),
    check({
      name: 'getSessionById',
      args: s.sessionId,
      run: (signal) => api.getSessionById(s.sessionId, { signal }),
      rows: (r) => (r ? 1 : 0),
      verify: (r) => (r?.sessionId === s.sessionId ? null : `expected session ${s.sessionId}`),
    }),
    check({
      name: 'getCallsByPhone',
      args: s.phone,
      run: (signal) => api.getCallsByPhone(s.phone, { signal }),
      rows: (r) => r.length,
      verify: callsExpected,
    }),
    check({
      name: 'getCallsBySession',
      args: s.sessionId,
      run: (signal) => api.getCallsBySession(s.sessionId, { signal }),
      rows: (r) => r.length,
      verify: callsExpected,
    }),
    check({
      name: 'getCampaignInfo',
      args: s.campaign,
      run: (signal) => api.getCampaignInfo(s.campaign, { signal }),
      rows: (r) => (r ? 1 : 0),
    }),
    check({
      name: 'getCampaignStats',
      args: s.campaign,
      run: (signal) => api.getCampaignStats(s.campaign, { signal }),
      rows: (r) => r.length,
      verify: (r) =>
        r.length === 1 && r[0]!.campaign === s.campaign && r[0]!.totalSessions > 0
          ? null
          : 'expected this campaign, its sessions counted',
    }),
    check({
      name: 'getCampaignStats',
      args: '(all campaigns)',
      run: (signal) => api.getCampaignStats(undefined, { signal }),
      rows: (r) => r.length,
      verify: atLeastOne('campaign'),
    }),
    check({
      name: 'getSessionsByCampaign',
      args: s.campaign,
      run: (signal) => api.getSessionsByCampaign(s.campaign, {}, { signal }),
      rows: (r) => r.length,
      verify: atLeastOne('session'),
    }),
    check({
      name: 'getCandidateProfile',
      args: s.phone,
      run: (signal) => api.getCandidateProfile(s.phone, { signal }),
      // One response holding the sessions, the whole conversation and the calls.
      rows: (r) => r.sessions.length + r.chatHistory.length + r.callHistory.length,
      verify: (r) =>
        r.sessions.some((x) => x.sessionId === s.sessionId)
          ? null
          : `expected session ${s.sessionId} in it`,
    }),
    check({
      name: 'getCandidateSummary',
      args: s.phone,
      run: (signal) => api.getCandidateSummary(s.phone, { signal }),
      // The profile less the messages: sessions and calls (the conversation is counted).
      rows: (r) => r.sessions.length + r.callHistory.length,
      verify: (r) =>
        r.sessions.some((x) => x.sessionId === s.sessionId)
          ? null
          : `expected session ${s.sessionId} in it`,
    }),
    check({
      name: 'getChatPage',
      args: `${s.phone}, newest page`,
      run: (signal) => api.getChatPage(s.phone, {}, { signal }),
      rows: (r) => r.messages.length,
    }),
    check({
      name: 'getLiveSessions',
      args: 'limit 50',
      run: (signal) => api.getLiveSessions(50, {}, { signal }),
      rows: (r) => r.length,
      verify: atLeastOne('session'),
    }),
  ];
}

function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    const cause = error.cause as { message?: unknown } | undefined;
    const detail = typeof cause?.message === 'string' && cause.message ? ` (${cause.message})` : '';
    return `${error.kind}: ${error.message}${detail}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function runChecks(api: BackendApi, sample: Sample): Promise<number> {
  const rows: (string | number)[][] = [];
  let failed = 0;
  for (const check of checks(api, sample)) {
    const started = performance.now();
    let rowCount: number | string = '';
    let result = 'pass';
    try {
      const value = await check.run(AbortSignal.timeout(30_000));
      rowCount = count(check.rows(value));
      const problem = check.verify?.(value);
      if (problem) result = `FAIL: ${problem}`;
    } catch (error) {
      result = `FAIL: ${oneLine(describeFailure(error), 160)}`;
    }
    if (result !== 'pass') failed += 1;
    rows.push([
      check.name,
      oneLine(check.args, 32),
      rowCount,
      Math.round(performance.now() - started),
      result,
    ]);
  }
  console.log(
    renderTable(
      [
        'function',
        'called with',
        { header: 'rows', align: 'right' },
        { header: 'ms', align: 'right' },
        'result',
      ],
      rows,
    ),
  );
  console.log(`\n${rows.length - failed} of ${rows.length} passed.`);
  return failed;
}

async function main(): Promise<number> {
  loadEnvFiles();
  let target: Target;
  try {
    target = readTarget(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  console.log(`Backend API: ${target.restUrl}${target.local ? ' (local stack)' : ''}`);
  console.log(
    `Database:    ${target.databaseUrl ? redactUrl(target.databaseUrl) : 'not set (BACKEND_DATABASE_URL): schema check skipped'}`,
  );

  console.log();
  if (target.databaseUrl && !(await checkSchema(target.databaseUrl))) return 1;

  const { client, who } = await connect(target);
  const sample = await findSample(client);
  console.log(
    `As ${who}, with phone ${sample.phone}, session ${sample.sessionId}, campaign ${sample.campaign}:\n`,
  );
  return (await runChecks(createBackendApi(client), sample)) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`\nbackend:test failed: ${error.message}`);
    const hint = connectionHint(error);
    if (hint) console.error(hint);
    process.exit(1);
  },
);
