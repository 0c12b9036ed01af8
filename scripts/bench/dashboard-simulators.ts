import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { rulesParam } from '../../src/lib/app-attention-rules';
import { hiddenSessions } from '../../src/lib/attention-hiding';
import { createAppApi } from '../../src/lib/app-queries';
import { watchBackendChanges } from '../../src/lib/backend-changes';
import { createBackendApi } from '../../src/lib/backend-queries';
import type { Database } from '../../src/lib/database.types';
import { REFETCH_THROTTLE_MS } from '../../src/data/realtime/realtime-context';
import { createKeyedThrottle } from '../../src/data/realtime/throttle';
import { sleep } from './results';

// Simulated Live dashboards for the load measurement (load-test.ts), in a process of their own so
// that the stack's share of CPU in the bench process is not mixed with theirs. Each one does what
// the Live page does with supabase-js: polls its queries every 10 s (the top 50 sessions with
// campaigns and candidate names; the status counts; the campaigns' statistics; the header's
// attention count), holds one realtime channel on the backend's
// live tables, and, where asked, refetches those queries after changes at most once per 2 s (the
// app's throttle, src/data/realtime). Meanwhile an agent writes a message every 0.5–1 s.

export interface LoadConfig {
  apiUrl: string;
  anonKey: string;
  dbUrl: string;
  /** Access tokens of signed-in staff, shared round-robin. */
  tokens: string[];
  dashboards: number;
  seconds: number;
  pollMs: number;
  refetchOnChange: boolean;
  writeGapMs: [number, number];
}

export interface LoadResult {
  /** Every request's time to the whole response, ms. */
  latenciesMs: number[];
  /** The same by endpoint (`rpc/live_sessions`, `campaigns`, …). */
  latenciesByEndpoint: Record<string, number[]>;
  /** One dashboard alone polling 5 times before the others open: each endpoint without load. */
  unloadedByEndpoint: Record<string, number[]>;
  requests: number;
  polls: number;
  httpErrors: number;
  networkErrors: number;
  /** Channel errors, timeouts and closes while running; dashboards never subscribed. */
  subscriptionErrors: number;
  neverSubscribed: number;
  socketCloses: number;
  errorSamples: string[];
  writes: number;
  /** Deliveries of the agent's messages to the dashboards subscribed when each was written. */
  expectedDeliveries: number;
  deliveredOnTime: number;
  /** Every change received (messages and the sessions' updates). */
  changesReceived: number;
  deliveryLatenciesMs: number[];
  subscribeMs: number[];
}

const MARK = /\[bench-load-(\d+)\]/;

type Client = SupabaseClient<Database>;

/**
 * What the Live page reads: the top 50 sessions (with campaigns, then names), the status counts,
 * the campaigns' statistics; and what the header reads on every page: the attention queue's
 * first page (the claims and rules, then the queue, then its names), which the count and the
 * notifications share.
 */
function pollLikeTheLivePage(client: Client) {
  const backend = createBackendApi(client);
  const app = createAppApi(client);
  return Promise.all([
    backend
      .getLiveSessions(50)
      .then((sessions) => app.getCandidateNames(sessions.flatMap((s) => s.phoneNumber ?? []))),
    backend.getSessionStatusCounts(null),
    backend.getCampaignStats(),
    Promise.all([app.listAttentionClaims(), app.listAttentionRules()])
      .then(([claims, rules]) =>
        // the header's count and notifications share the first page of 50
        backend.getAttentionQueue({}, hiddenSessions(claims, Date.now()), {
          rules: rulesParam(rules),
        }),
      )
      .then((queue) => app.getCandidateNames(queue.entries.map((e) => e.phoneNumber))),
  ]);
}

async function runDashboards(config: LoadConfig): Promise<LoadResult> {
  const result: LoadResult = {
    latenciesMs: [],
    latenciesByEndpoint: {},
    unloadedByEndpoint: {},
    requests: 0,
    polls: 0,
    httpErrors: 0,
    networkErrors: 0,
    subscriptionErrors: 0,
    neverSubscribed: 0,
    socketCloses: 0,
    errorSamples: [],
    writes: 0,
    expectedDeliveries: 0,
    deliveredOnTime: 0,
    changesReceived: 0,
    deliveryLatenciesMs: [],
    subscribeMs: [],
  };
  let stopping = false;
  let unloaded = false;
  const error = (kind: keyof LoadResult, sample: string) => {
    (result[kind] as number)++;
    if (result.errorSamples.length < 20) result.errorSamples.push(`${kind}: ${sample}`);
  };

  // The whole response, body included, is what a dashboard waits for.
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    if (!unloaded) result.requests++;
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      const ms = performance.now() - started;
      const endpoint = new URL(String(input)).pathname.replace(/^\/rest\/v1\//, '');
      if (unloaded) (result.unloadedByEndpoint[endpoint] ??= []).push(ms);
      else {
        result.latenciesMs.push(ms);
        (result.latenciesByEndpoint[endpoint] ??= []).push(ms);
      }
      if (!response.ok)
        error('httpErrors', `${response.status} ${String(input).replace(/\?.*/, '')}`);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (e) {
      // undici's "fetch failed" says nothing by itself; the cause names the socket error.
      const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
      error('networkErrors', `${(e as Error).message}: ${cause?.code ?? cause?.message ?? '?'}`);
      throw e;
    }
  };

  /** ws, counting closes we didn't ask for (a dropped socket is an error for a dashboard). */
  class CountingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('close', (code) => {
        if (!stopping) error('socketCloses', `code ${code}`);
      });
    }
  }

  const sentAt = new Map<number, { at: number; subscribed: Set<number> }>();
  const subscribed = new Set<number>();
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const stops: (() => void)[] = [];

  const newClient = (token: string): Client =>
    createClient<Database>(config.apiUrl, config.anonKey, {
      accessToken: async () => token,
      realtime: { transport: CountingWebSocket as never },
      global: { fetch: timedFetch },
      db: { retry: false },
    });

  // Each endpoint's latency with nothing else running, to set the loaded figures against.
  unloaded = true;
  const alone = newClient(config.tokens[0]!);
  for (let i = 0; i < 5; i++) await pollLikeTheLivePage(alone);
  unloaded = false;
  const started = Date.now();

  const openDashboard = async (id: number) => {
    const client = newClient(config.tokens[id % config.tokens.length]!);
    const poll = () => {
      if (stopping) return;
      result.polls++;
      const work = pollLikeTheLivePage(client).catch((e: Error) => {
        if (result.errorSamples.length < 20) result.errorSamples.push(`poll: ${e.message}`);
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    };
    const throttle = createKeyedThrottle(REFETCH_THROTTLE_MS);
    const subscribeStarted = Date.now();
    // supabase-js hands the accessToken to realtime asynchronously; a channel subscribed before
    // that joins with the anon key and, as the token then looks unchanged, stays anon (sees
    // nothing). The app subscribes long after creating its client; here, wait for the token.
    await client.realtime.setAuth();
    const unwatch = watchBackendChanges(client, {
      onChange(change) {
        result.changesReceived++;
        if (config.refetchOnChange) throttle.schedule('live', poll);
        const content = (change.row as { message?: { content?: unknown } }).message?.content;
        const n = Number(MARK.exec(typeof content === 'string' ? content : '')?.[1] ?? NaN);
        const sent = sentAt.get(n);
        if (change.table === 'chat_history' && sent?.subscribed.has(id)) {
          result.deliveredOnTime++;
          result.deliveryLatenciesMs.push(Date.now() - sent.at);
        }
      },
      onStatus(status, e) {
        if (status === 'SUBSCRIBED') {
          if (!subscribed.has(id)) result.subscribeMs.push(Date.now() - subscribeStarted);
          subscribed.add(id);
        } else if (!stopping) {
          subscribed.delete(id);
          error('subscriptionErrors', `${status}${e ? ` ${e.message}` : ''}`);
        }
      },
    });
    poll();
    timers.push(setInterval(poll, config.pollMs));
    stops.push(() => {
      throttle.cancelAll();
      unwatch();
      client.realtime.disconnect();
    });
  };

  // Dashboards open one after another over the first poll interval, so that their polls spread.
  for (let id = 0; id < config.dashboards; id++)
    timers.push(
      setTimeout(
        () =>
          openDashboard(id).catch((e: Error) => error('subscriptionErrors', `open: ${e.message}`)),
        (id * config.pollMs) / Math.max(1, config.dashboards),
      ),
    );

  const db = new pg.Client({ connectionString: config.dbUrl, application_name: 'bench_agent' });
  await db.connect();
  try {
    const { rows } = await db.query<{ session_id: string }>(
      `select session_id from public.sessions where status in ('active', 'waiting')
        order by updated_at desc nulls last limit 50`,
    );
    // The agent: a message in one of the active conversations, and the session touched, as
    // `npm run simulate` writes them.
    const deadline = started + config.seconds * 1000;
    for (let n = 0; Date.now() < deadline; n++) {
      const sessionId = rows[n % rows.length]!.session_id;
      sentAt.set(n, { at: Date.now(), subscribed: new Set(subscribed) });
      await db.query('begin');
      await db.query('insert into public.chat_history (session_id, message) values ($1, $2)', [
        sessionId,
        { type: 'human', content: `Still keen, when do I start? [bench-load-${n}]` },
      ]);
      await db.query('update public.sessions set updated_at = now() where session_id = $1', [
        sessionId,
      ]);
      await db.query('commit');
      result.writes++;
      result.expectedDeliveries += sentAt.get(n)!.subscribed.size;
      const gap =
        config.writeGapMs[0] + Math.random() * (config.writeGapMs[1] - config.writeGapMs[0]);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(gap, Math.max(0, deadline - Date.now()))),
      );
    }
  } finally {
    await db.end().catch(() => undefined);
  }

  // Drain: no new polls; requests under way and the last changes get up to 10 s.
  for (const timer of timers) clearTimeout(timer);
  stopping = true;
  await Promise.race([Promise.allSettled([...inFlight]), sleep(10_000)]);
  await sleep(2000);
  result.neverSubscribed = config.dashboards - subscribed.size;
  for (const stop of stops) stop();
  return result;
}

// Run as a child process by load-test.ts: the configuration in, the result out, over IPC.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The bench gone (interrupted, crashed): stop at once rather than load a stack that is gone.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (config: LoadConfig) => {
    runDashboards(config).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (e: unknown) =>
        process.send!({ error: (e as Error).stack ?? String(e) }, () => process.exit(1)),
    );
  });
}
