import type { SupabaseClient } from '@supabase/supabase-js';
import { createAttentionQueries } from '../../src/lib/backend/attention';
import type { DbClient } from '../../src/lib/lean-client';
import { type Row, timeRuns } from './results';

// The attention read model (DESIGN §7 "attention read model"), through the app's own fetchers:
// the first 50 entries with the counts (the page, and the header's count on every screen), one
// campaign's queue, and one candidate's reasons (the dialog's header).

const BAR = 'p50 ≤ 30 ms, 1 request';

export async function timeAttention(
  client: SupabaseClient,
  { runs, at, campaign }: { runs: number; at: string; campaign: string },
): Promise<Row[]> {
  const attention = createAttentionQueries(client as unknown as DbClient);
  const first = await attention.getAttentionQueue({}, []);
  const session = first.entries[0]?.sessionId;
  const cases: { what: string; run: () => Promise<unknown> }[] = [
    // the header's count and the notifications read this same first page
    { what: 'attention queue, first 50', run: () => attention.getAttentionQueue({}, []) },
    {
      what: `attention queue, one campaign (${campaign})`,
      run: () => attention.getAttentionQueue({ campaign }, []),
    },
    ...(session
      ? [
          {
            what: 'attention, one candidate (the dialog)',
            run: () => attention.getSessionsAttention([session], []),
          },
        ]
      : []),
  ];
  const rows: Row[] = [];
  for (const { what, run } of cases) {
    const measured = await timeRuns(runs, 3, async (counter) => {
      counter.requests++;
      await run();
    });
    rows.push({
      what,
      at,
      measured,
      naive: null,
      bar: BAR,
      pass: measured.p50 <= 30 && measured.requests === 1,
      note: `${first.total.toLocaleString('en-GB')} entries open`,
    });
  }
  return rows;
}
