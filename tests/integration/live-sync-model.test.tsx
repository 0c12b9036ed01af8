// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { formatDivergence, summaryLine, writeResult } from '../sync/report';
import { runSync } from '../sync/run';

// "Live equals fresh" (DESIGN §2), model-based: the candidate dialog (chat, calls, timeline), the
// Live page and a campaign page open on the real stack with the app's own realtime, a seeded
// generator's agent writes applied meanwhile, and at every checkpoint each query the screens hold
// compared with a fresh load of it, the model's predictions checked, and the rendered text
// compared with a fresh render (tests/sync/run.ts). In `npm test` a short run on a fixed seed;
// `npm run test:sync -- --seed S --operations N` runs (or replays) a long one.

// Polling is the app's safety net (10–30 s): here it never fires, so what keeps the screens right
// is realtime and the refetches it triggers, which is what this test is about.
vi.mock('@/data/refresh', () => ({ LIVE_REFRESH_MS: 2 ** 31 - 1, STATS_REFRESH_MS: 2 ** 31 - 1 }));

// The screens render as in a browser, on the scheduler, while operations are written: not inside
// act(), which would batch them into the test's turns.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const seed = Number(process.env.SYNC_SEED ?? 1);
const operations = Number(process.env.SYNC_OPERATIONS ?? 150);

describe('live equals fresh (model-based sync test)', () => {
  it(
    `${operations} generated agent writes (seed ${seed}) leave every screen equal to a fresh load`,
    async () => {
      const { result, divergences } = await runSync({ seed, operations });
      writeResult(result);
      console.log(
        [
          result.error && `harness error: ${result.error}`,
          `seed ${seed}; ${result.checkpoints} checkpoints in ${(result.durationMs / 1000).toFixed(0)} s; realtime left Live ${result.reconnects} times; ${result.toasted.transcripts} of ${result.toasted.of} transcripts stored out of line`,
          divergences.length > 0 && `replay: ${result.replay}`,
          summaryLine(result),
        ]
          .filter(Boolean)
          .join('\n'),
      );
      expect(result.error).toBeUndefined();
      expect(result.toasted.transcripts, 'transcripts are large enough to be TOASTed').toBe(
        result.toasted.of,
      );
      expect(
        divergences.length,
        divergences.length
          ? `seed ${seed}: ${formatDivergence(divergences[0]!, 0)}\nreplay: ${result.replay}`
          : '',
      ).toBe(0);
    },
    120_000 + operations * 500,
  );
});
