import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import type { BenchCandidate } from './bench-sessions';
import { type StorageState, chatLog, newContext, openChat } from './browser';
import { type Row, formatMs, log, sleep, summarize } from './results';

// DESIGN §7 "realtime: row inserted → shown in the browser": with a candidate's chat open in
// Chromium, Node inserts chat_history rows as the agent does, one at a time, and the page records
// when each row's text is painted. Both sides read the same machine clock; the offset between
// Chromium's performance.timeOrigin + now() and Node's Date.now() is measured and taken off.

// In brackets: the bubble's time follows the text directly in textContent ("…[bench-rt-7]14:05").
const mark = (n: number) => `[bench-rt-${n}]`;

/**
 * Installed in the open page: notes when each `[bench-rt-<n>]` text first shows in the
 * conversation. A MutationObserver sees React's commit; the paint time is taken as in
 * long-chat.ts (a task posted from the next animation frame runs once that frame is painted).
 */
function watchMarks() {
  const seen = new Map<number, number>();
  (window as unknown as { __rtSeen: Map<number, number> }).__rtSeen = seen;
  const pattern = /\[bench-rt-(\d+)\]/g;
  new MutationObserver(() => {
    const text = document.querySelector('[role="log"]')?.textContent ?? '';
    const fresh: number[] = [];
    for (const match of text.matchAll(pattern)) {
      const n = Number(match[1]);
      if (!seen.has(n)) {
        seen.set(n, NaN);
        fresh.push(n);
      }
    }
    if (!fresh.length) return;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const at = performance.timeOrigin + performance.now();
        for (const n of fresh) seen.set(n, at);
      };
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Page clock minus Node clock, from the round trip with the smallest spread. */
async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 10; i++) {
    const before = Date.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = Date.now();
    if ((after - before) / 2 < best.uncertaintyMs)
      best = { offsetMs: pageNow - (before + after) / 2, uncertaintyMs: (after - before) / 2 };
  }
  return best;
}

export interface RealtimeOptions {
  dbUrl: string;
  inserts: number;
  /** Pause between inserts, so that they arrive one by one rather than in a batch. */
  gapMs: [number, number];
}

export async function measureRealtime(
  browser: Browser,
  baseUrl: string,
  state: StorageState,
  candidate: BenchCandidate,
  { dbUrl, inserts, gapMs }: RealtimeOptions,
): Promise<Row[]> {
  const context = await newContext(browser, baseUrl, state);
  const db = new pg.Client({ connectionString: dbUrl, application_name: 'bench_realtime' });
  try {
    await db.connect();
    const page = await context.newPage();
    await openChat(page, candidate.phone);
    await chatLog(page).waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor({ timeout: 30_000 });
    // After the subscription's backfill refetch, so that it doesn't meet the first inserts.
    await sleep(2000);
    await page.evaluate(watchMarks);
    const clock = await clockOffset(page);

    const sentAt: number[] = [];
    for (let n = 0; n < inserts; n++) {
      const human = n % 2 === 0;
      const message = human
        ? { type: 'human', content: `Is the van included? ${mark(n)}` }
        : { type: 'ai', content: `Yes, a van is provided. ${mark(n)}`, tool_calls: [] };
      sentAt[n] = Date.now();
      await db.query('insert into public.chat_history (session_id, message) values ($1, $2)', [
        candidate.sessionId,
        message,
      ]);
      await sleep(gapMs[0] + Math.random() * (gapMs[1] - gapMs[0]));
    }
    // The last ones: up to 10 s more.
    const allSeen = () =>
      page.evaluate(
        (count) =>
          [...Array(count).keys()].every(
            (n) =>
              !Number.isNaN(
                (window as unknown as { __rtSeen: Map<number, number> }).__rtSeen.get(n) ?? NaN,
              ),
          ),
        inserts,
      );
    for (let waited = 0; waited < 10_000 && !(await allSeen()); waited += 250) await sleep(250);
    const seen = new Map(
      await page.evaluate(() => [
        ...(window as unknown as { __rtSeen: Map<number, number> }).__rtSeen,
      ]),
    );

    const latencies: number[] = [];
    for (let n = 0; n < inserts; n++) {
      const at = seen.get(n);
      if (at !== undefined && !Number.isNaN(at)) latencies.push(at - clock.offsetMs - sentAt[n]!);
    }
    const missing = inserts - latencies.length;
    const timing = latencies.length ? summarize(latencies) : null;
    log(
      `${latencies.length}/${inserts} shown` +
        (timing
          ? `: p50 ${formatMs(timing.p50)}, p95 ${formatMs(timing.p95)}, max ${formatMs(Math.max(...latencies))}`
          : '') +
        ` (clock offset ${clock.offsetMs.toFixed(1)} ± ${clock.uncertaintyMs.toFixed(1)} ms)`,
    );
    return [
      {
        what: `realtime: row inserted → painted in the chat (${inserts} inserts)`,
        at: 'local stack, Chromium',
        measured: timing,
        naive: null,
        bar: `p95 ≤ 300 ms, all ${inserts} shown`,
        pass: missing === 0 && timing !== null && timing.p95 <= 300,
        note: missing ? `${missing} never shown` : undefined,
        details: {
          latenciesMs: latencies.map((ms) => Math.round(ms * 10) / 10),
          missing,
          clock,
          gapMs,
        },
      },
    ];
  } finally {
    await db.end().catch(() => undefined);
    await context.close();
  }
}
