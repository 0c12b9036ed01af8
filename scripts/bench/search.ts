import type { SupabaseClient } from '@supabase/supabase-js';
import type { SearchFilters } from '../../src/lib/backend-types';
import { createSearchQueries } from '../../src/lib/backend/search';
import type { DbClient } from '../../src/lib/lean-client';
import type { Counter } from './naive';
import { type Row, timeRuns } from './results';

// The search page's requests (DESIGN §7 "search"): the first page of hits and the counts, together,
// through the app's own fetchers, beside the naive way: an `ilike '%…%'` scan of messages and call
// transcripts for the same newest page and the total.

/** What is searched: the seeded text (scripts/seed-scale.ts) has each of these. */
const QUERIES = [
  { what: 'a common word', query: 'interested', like: 'interested' },
  { what: 'a rare word', query: 'forklift', like: 'forklift' },
  { what: 'a phrase', query: '"day rate"', like: 'day rate' },
  // corrected to "wolverhampton"; the naive scan finds nothing (it cannot correct), which only
  // makes it faster
  { what: 'a typo', query: 'wolverhamton', like: 'wolverhamton' },
] as const;

const PAGE = 30;

/** The naive search: both tables scanned with ilike, the newest page and an exact total. */
async function naiveSearch(client: SupabaseClient, counter: Counter, like: string) {
  const pattern = `%${like}%`;
  counter.requests += 2;
  const [messages, calls] = await Promise.all([
    client
      .from('chat_history')
      .select('id,session_id,created_at,message', { count: 'exact' })
      .ilike('message->>content', pattern)
      .order('created_at', { ascending: false })
      .limit(PAGE),
    client
      .from('calls')
      .select('call_id,session_id,called_at,transcript', { count: 'exact' })
      .ilike('transcript', pattern)
      .order('called_at', { ascending: false, nullsFirst: false })
      .limit(PAGE),
  ]);
  if (messages.error) throw new Error(`naive search (messages): ${messages.error.message}`);
  if (calls.error) throw new Error(`naive search (calls): ${calls.error.message}`);
  return (messages.count ?? 0) + (calls.count ?? 0);
}

export async function timeSearch(
  client: SupabaseClient,
  { runs, naiveRuns, at }: { runs: number; naiveRuns: number; at: string },
): Promise<Row[]> {
  const search = createSearchQueries(client as unknown as DbClient);
  const rows: Row[] = [];
  for (const { what, query, like } of QUERIES) {
    const filters: SearchFilters = { query };
    const once = async (counter: Counter) => {
      counter.requests += 2;
      const [page, facets] = await Promise.all([
        search.searchConversations(filters),
        search.searchFacets(filters),
      ]);
      return { page, facets };
    };
    const measured = await timeRuns(runs, 3, once);
    const naive = await timeRuns(naiveRuns, 1, (c) => naiveSearch(client, c, like));
    const { page, facets } = await once({ requests: 0 });
    // Where the naive scan and the search should find the same documents (an uncapped total of a
    // plain word), they must: a fast search that finds less is no pass.
    const naiveTotal =
      query === 'forklift' ? await naiveSearch(client, { requests: 0 }, like) : null;
    const disagree = naiveTotal !== null && (facets.totalCapped || facets.total !== naiveTotal);
    const found = page.hits.length > 0;
    const ratio = naive.p50 / measured.p50;
    rows.push({
      what: `search, ${what} (${query})`,
      at,
      measured,
      naive,
      bar: 'p50 ≤ 50 ms, p95 ≤ 150 ms, ≥ 50× ilike',
      pass: found && !disagree && measured.p50 <= 50 && measured.p95 <= 150 && ratio >= 50,
      note: !found
        ? 'no hits'
        : disagree
          ? `search counts ${facets.total}, ilike ${naiveTotal}`
          : `${facets.totalCapped ? '1,000+' : facets.total.toLocaleString('en-GB')} hits` +
            (facets.corrected ? `, corrected to "${facets.corrected}"` : ''),
      details: {
        total: facets.total,
        totalCapped: facets.totalCapped,
        corrected: facets.corrected,
      },
    });
  }
  return rows;
}
