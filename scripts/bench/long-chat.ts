import type { Browser, Page } from 'playwright-core';
import type { BenchCandidate } from './bench-sessions';
import { type StorageState, chatLog, newContext, openChatFromList } from './browser';
import { type Row, formatMs, log, sleep, summarize } from './results';

// DESIGN §7 "chat with 10,000 messages in Chromium": the candidate dialog's chat tab opened from
// the candidates page (up and live) on a conversation of 10,000 rows, in the production build. Per run, in a fresh signed-in
// context: the message rows in the DOM, the time from the data's arrival (the newest page) to the
// first paint of the rows, and the long tasks while scrolling to the very first message (older
// pages load on the way up) and back to the bottom.

interface Probe {
  /** performance.now() of long tasks since the page started (buffered observer). */
  longTasks: { start: number; duration: number }[];
  firstRowAt: number | null;
  paintAt: number | null;
}

/**
 * Installed before the app's scripts. First paint of the rows: a MutationObserver notices the
 * first message row in the conversation (it runs as a microtask right after React's commit,
 * before the browser renders), then asks for an animation frame; the rAF callback runs in the
 * rendering step that paints that DOM, and a message posted from it is handled as the next task,
 * once style, layout and paint of that frame are done. That moment is "first paint of the rows";
 * the compositor puts the frame on screen a little later, off the main thread, uncounted.
 */
function installProbe() {
  const probe: Probe = { longTasks: [], firstRowAt: null, paintAt: null };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="log"] [data-message-id]')) return;
    observer.disconnect();
    probe.firstRowAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.paintAt = performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Data arrival: the Resource Timing `responseEnd` of the chat_page response that was rendered
 * (the last one to finish before the first row appeared; an earlier one may have been cancelled
 * by a refetch). Same clock as the probe's performance.now().
 */
function firstPaint() {
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const pages = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/rpc/chat_page')) as PerformanceResourceTiming[];
  const arrived = pages
    .map((e) => e.responseEnd)
    .filter((end) => end > 0 && end <= probe.firstRowAt!);
  return {
    dataAt: arrived.length ? Math.max(...arrived) : null,
    firstRowAt: probe.firstRowAt!,
    paintAt: probe.paintAt!,
  };
}

/**
 * Scrolls the conversation from the bottom to the top and back, one viewport per frame (a fast
 * fling in which every row is drawn once), counting message rows in the DOM after each frame.
 * At the top it keeps going while older pages load (the "older messages" strip is there) until
 * the first message of the conversation is reached.
 */
async function scrollTopAndBack(limitMs: number) {
  const log = document.querySelector<HTMLElement>('[role="log"]')!;
  const rows = () => log.querySelectorAll('[data-message-id]').length;
  const olderToLoad = () => log.querySelector('[data-chat-older]') !== null;
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const step = log.clientHeight;
  const started = performance.now();
  const deadline = started + limitMs;
  let frames = 0;
  let maxRows = rows();
  while ((log.scrollTop > 0 || olderToLoad()) && performance.now() < deadline) {
    log.scrollTop = Math.max(0, log.scrollTop - step);
    await frame();
    frames++;
    maxRows = Math.max(maxRows, rows());
  }
  const reachedTop = log.scrollTop === 0 && !olderToLoad();
  const atEnd = () => log.scrollTop + log.clientHeight >= log.scrollHeight - 2;
  while (!atEnd() && performance.now() < deadline) {
    log.scrollTop += step;
    await frame();
    frames++;
    maxRows = Math.max(maxRows, rows());
  }
  const reachedBottom = atEnd();
  const ended = performance.now();
  // A long task is reported when it ends: give the last ones time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const probe = (window as unknown as { __bench: Probe }).__bench;
  const pagesLoaded = (
    performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  ).filter(
    (e) => e.name.includes('/rpc/chat_page') && e.startTime >= started && e.startTime < ended,
  ).length;
  const longTasks = probe.longTasks.filter(
    (t) => t.start + t.duration > started && t.start < ended,
  );
  return {
    started,
    ended,
    frames,
    maxRows,
    reachedTop,
    reachedBottom,
    scrollHeight: log.scrollHeight,
    pagesLoaded,
    longTasks: longTasks.map((t) => Math.round(t.duration)),
  };
}

interface LongChatRun {
  dataToPaintMs: number;
  openToPaintMs: number;
  /** Size of the newest page's response, what the first paint waited for. */
  firstPageBytes: number;
  rowsAtRest: number;
  maxRowsWhileScrolling: number;
  scrollMs: number;
  frames: number;
  reachedTop: boolean;
  reachedBottom: boolean;
  /** Durations of the long tasks while scrolling (each > 50 ms by definition). */
  longTasks: number[];
  /** Older pages loaded on the way to the top. */
  pagesLoadedWhileScrolling: number;
}

/** A busy shared machine paints slowly: a scroll that takes longer than this is cut short. */
const SCROLL_LIMIT_MS = 240_000;

const countRows = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[role="log"] [data-message-id]').length);

async function measureOnce(
  browser: Browser,
  baseUrl: string,
  state: StorageState,
  candidate: BenchCandidate,
): Promise<LongChatRun> {
  const context = await newContext(browser, baseUrl, state);
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    let firstPageBytes = 0;
    page.on('response', (response) => {
      if (response.url().includes('/rpc/chat_page') && !firstPageBytes)
        response.body().then(
          (body) => (firstPageBytes ||= body.length),
          () => undefined,
        );
    });
    const openedAt = await openChatFromList(page, candidate.phone);
    await chatLog(page).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (window as unknown as { __bench: Probe }).__bench.paintAt !== null,
    );
    const paint = await page.evaluate(firstPaint);
    if (paint.dataAt === null) throw new Error('no chat_page response before the rows');

    // Settle (realtime was already live when the dialog opened): the dialog's first refetches and
    // renders end before the scroll, which should meet only what a reader would meet later on.
    await sleep(2000);
    const rowsAtRest = await countRows(page);
    const scroll = await page.evaluate(scrollTopAndBack, SCROLL_LIMIT_MS);
    return {
      dataToPaintMs: paint.paintAt - paint.dataAt,
      openToPaintMs: paint.paintAt - openedAt,
      firstPageBytes,
      rowsAtRest,
      maxRowsWhileScrolling: Math.max(rowsAtRest, scroll.maxRows),
      scrollMs: scroll.ended - scroll.started,
      frames: scroll.frames,
      reachedTop: scroll.reachedTop,
      reachedBottom: scroll.reachedBottom,
      longTasks: scroll.longTasks,
      pagesLoadedWhileScrolling: scroll.pagesLoaded,
    };
  } finally {
    await context.close();
  }
}

export async function measureLongChat(
  browser: Browser,
  baseUrl: string,
  state: StorageState,
  candidate: BenchCandidate,
  runs: number,
): Promise<Row[]> {
  const results: LongChatRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await measureOnce(browser, baseUrl, state, candidate);
    results.push(run);
    const over100 = run.longTasks.filter((ms) => ms > 100).length;
    log(
      `run ${i + 1}: data → paint ${formatMs(run.dataToPaintMs)}, ${run.maxRowsWhileScrolling} rows at most, ` +
        `scroll ${formatMs(run.scrollMs)} (${run.frames} frames), ${run.longTasks.length} long tasks` +
        (run.longTasks.length
          ? ` (${over100} > 100 ms, max ${Math.max(...run.longTasks)} ms)`
          : '') +
        `; ${run.pagesLoadedWhileScrolling} older pages loaded on the way up`,
    );
  }
  const at = `${candidate.messages.toLocaleString('en-GB')} messages, Chromium`;
  const what = `chat with ${candidate.messages.toLocaleString('en-GB')} messages`;
  const maxRows = Math.max(...results.map((r) => r.maxRowsWhileScrolling));
  const paint = summarize(
    results.map((r) => r.dataToPaintMs),
    1,
  );
  const longTasks = results.flatMap((r) => r.longTasks);
  const scrolledWholeWay = results.every((r) => r.reachedTop && r.reachedBottom);
  const details = {
    runs: results,
    openToPaint: summarize(results.map((r) => r.openToPaintMs)),
    firstPageBytes: Math.max(...results.map((r) => r.firstPageBytes)),
  };
  return [
    {
      what: `${what}: message rows in the DOM (max)`,
      at,
      measured: null,
      naive: null,
      value: String(maxRows),
      bar: `≤ 60 rows (naive: ${candidate.messages.toLocaleString('en-GB')})`,
      pass: maxRows <= 60,
      details,
    },
    {
      what: `${what}: data → first paint of the rows`,
      at,
      measured: paint,
      naive: null,
      bar: '≤ 150 ms (p50)',
      pass: paint.p50 <= 150,
      note: `opened → painted p50 ${formatMs(details.openToPaint.p50)}`,
    },
    {
      what: `${what}: long tasks scrolling top ↔ bottom`,
      at,
      measured: null,
      naive: null,
      value: longTasks.length
        ? `${longTasks.length} in ${runs} runs, max ${Math.max(...longTasks)} ms`
        : `none in ${runs} runs`,
      bar: 'none > 50 ms',
      pass: longTasks.length === 0 && scrolledWholeWay,
      note: scrolledWholeWay
        ? undefined
        : `a scroll did not reach the first message and back in ${SCROLL_LIMIT_MS / 1000} s`,
    },
  ];
}
