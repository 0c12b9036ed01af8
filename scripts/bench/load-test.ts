import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningStack } from '../../stack/start-stack';
import type { LoadConfig, LoadResult } from './dashboard-simulators';
import { type GroupUsage, sampleUsage } from './process-usage';
import { type Row, formatMs, log, summarize } from './results';

// DESIGN §7 "load: 200 simulated dashboards (polling + realtime) for 60 s: 0 errors, API p95 ≤
// 100 ms". The dashboards run in a child process (dashboard-simulators.ts); this side watches the
// stack's CPU and memory meanwhile, and ends the child if it overruns, whatever happens in it.

const SIMULATORS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'dashboard-simulators.ts',
);

export interface LoadOptions {
  dashboards: number;
  seconds: number;
  /** Also refetch after realtime changes (≤ 1 per 2 s per dashboard), as the app's Live page does. */
  refetchOnChange: boolean;
  accounts: readonly { email: string; password: string }[];
}

/** Access tokens of the demo staff, signed in once each through the auth API. */
async function signIn(stack: RunningStack, accounts: LoadOptions['accounts']): Promise<string[]> {
  return Promise.all(
    accounts.map(async ({ email, password }) => {
      const res = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: stack.config.anonKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    }),
  );
}

function runSimulators(config: LoadConfig, onStart: (pid: number | undefined) => void) {
  const child = fork(SIMULATORS, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  onStart(child.pid);
  const limitMs = config.seconds * 1000 + 60_000;
  return new Promise<LoadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the dashboards did not finish within ${limitMs / 1000} s`));
    }, limitMs);
    child.once('message', (message: { result?: LoadResult; error?: string }) => {
      clearTimeout(timer);
      if (message.result) resolve(message.result);
      else reject(new Error(`dashboards failed: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the dashboards' process ended (${code ?? signal}) without a result`));
    });
    child.send(config);
  }).finally(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

const usageLine = (u: GroupUsage) =>
  `${u.name}: CPU ${u.cpuMeanPct}% mean, ${u.cpuPeakPct}% peak, memory ${u.memoryPeakMb} MB peak`;

export async function measureLoad(stack: RunningStack, options: LoadOptions): Promise<Row[]> {
  const tokens = await signIn(stack, options.accounts);
  const config: LoadConfig = {
    apiUrl: stack.apiUrl,
    anonKey: stack.config.anonKey,
    dbUrl: stack.dbUrl,
    tokens,
    dashboards: options.dashboards,
    seconds: options.seconds,
    pollMs: 10_000,
    refetchOnChange: options.refetchOnChange,
    writeGapMs: [500, 1000],
  };
  let simulatorsPid: number | undefined;
  const sampler = sampleUsage([
    { name: 'gateway + auth + realtime (bench process)', pid: 'self' },
    { name: 'Postgres (all backends)', pid: stack.pids.postgres },
    { name: 'PostgREST', pid: stack.pids.postgrest },
    // Not the stack: the load itself, shown so that its share of the 2 cores is seen.
    { name: 'simulated dashboards (load)', pid: () => simulatorsPid },
  ]);
  let result: LoadResult;
  let usage: GroupUsage[];
  try {
    result = await runSimulators(config, (pid) => (simulatorsPid = pid));
  } finally {
    usage = await sampler.stop();
  }

  const api = summarize(result.latenciesMs, result.requests);
  const errors =
    result.httpErrors +
    result.networkErrors +
    result.subscriptionErrors +
    result.neverSubscribed +
    result.socketCloses;
  const missed = result.expectedDeliveries - result.deliveredOnTime;
  const delivery = result.deliveryLatenciesMs.length ? summarize(result.deliveryLatenciesMs) : null;
  const stackUsage = usage.slice(0, 3);
  const stackCpu = stackUsage.reduce((sum, u) => sum + u.cpuMeanPct, 0);
  const stackMemory = Math.round(stackUsage.reduce((sum, u) => sum + u.memoryPeakMb, 0));
  for (const u of usage) log(usageLine(u));
  log(
    `${result.requests.toLocaleString('en-GB')} requests in ${result.polls.toLocaleString('en-GB')} polls, ` +
      `API p50 ${formatMs(api.p50)}, p95 ${formatMs(api.p95)}; ${result.writes} messages written, ` +
      `${result.deliveredOnTime.toLocaleString('en-GB')}/${result.expectedDeliveries.toLocaleString('en-GB')} delivered` +
      (delivery ? ` (p50 ${formatMs(delivery.p50)}, p95 ${formatMs(delivery.p95)})` : ''),
  );
  for (const [endpoint, ms] of Object.entries(result.latenciesByEndpoint)) {
    const t = summarize(ms);
    const alone = result.unloadedByEndpoint[endpoint];
    log(
      `  ${endpoint}: ${ms.length} requests, p50 ${formatMs(t.p50)}, p95 ${formatMs(t.p95)}` +
        (alone ? ` (alone: p50 ${formatMs(summarize(alone).p50)})` : ''),
    );
  }
  if (result.errorSamples.length) log(`errors: ${result.errorSamples.slice(0, 5).join('; ')}`);

  const mode = options.refetchOnChange ? 'polling + refetch on changes' : 'polling every 10 s';
  const errorParts = [
    result.httpErrors && `${result.httpErrors} HTTP`,
    result.networkErrors && `${result.networkErrors} network`,
    result.subscriptionErrors && `${result.subscriptionErrors} subscription`,
    result.neverSubscribed && `${result.neverSubscribed} never subscribed`,
    result.socketCloses && `${result.socketCloses} socket closes`,
  ].filter(Boolean);
  return [
    {
      what: `load: ${options.dashboards} dashboards × ${options.seconds} s (${mode}), API`,
      at: 'local stack',
      measured: api,
      naive: null,
      bar: '0 errors, API p95 ≤ 100 ms',
      pass: errors === 0 && api.p95 <= 100,
      note:
        `${errors ? errorParts.join(', ') : '0 errors'}; realtime ${result.deliveredOnTime}/${result.expectedDeliveries}` +
        (missed > 0 ? ` (${missed} missed)` : '') +
        (delivery ? `, p95 ${formatMs(delivery.p95)}` : '') +
        `; stack CPU ${stackCpu}% of a core, ${stackMemory} MB`,
      details: {
        ...config,
        tokens: tokens.length,
        requests: result.requests,
        polls: result.polls,
        unloadedByEndpoint: Object.fromEntries(
          Object.entries(result.unloadedByEndpoint).map(([endpoint, ms]) => [
            endpoint,
            summarize(ms, ms.length),
          ]),
        ),
        byEndpoint: Object.fromEntries(
          Object.entries(result.latenciesByEndpoint).map(([endpoint, ms]) => [
            endpoint,
            summarize(ms, ms.length),
          ]),
        ),
        errors: {
          http: result.httpErrors,
          network: result.networkErrors,
          subscription: result.subscriptionErrors,
          neverSubscribed: result.neverSubscribed,
          socketCloses: result.socketCloses,
          samples: result.errorSamples,
        },
        realtime: {
          writes: result.writes,
          expectedDeliveries: result.expectedDeliveries,
          deliveredOnTime: result.deliveredOnTime,
          changesReceived: result.changesReceived,
          deliveryLatency: delivery,
          subscribe: result.subscribeMs.length ? summarize(result.subscribeMs) : null,
        },
        usage,
      },
    },
  ];
}
