import type { SupabaseClient } from '@supabase/supabase-js';
import { type Counter, naiveCampaignStats, naiveLiveSessions, naiveProfile } from './naive';
import { CHAT_PAGE_SIZE } from '../../src/lib/backend/chat';
import { type Row, timeRuns } from './results';

// The read models of DESIGN §4 (campaign stats, live sessions, candidate profile) through
// supabase-js against the gateway, each beside the naive approach it replaces (naive.ts).

export interface ReadModelOptions {
  /** Timed runs of each read model (after 3 warm-up runs). */
  runs: number;
  /** Timed runs of each naive approach (they take seconds to minutes). */
  naiveRuns: number;
  /** The data size, for the table's "at". */
  at: string;
  /** The campaign with most sessions: the filtered rows use it. */
  campaign: string;
  /** The phone of the candidate with most messages. */
  phones: string[];
}

async function rpc<T>(client: SupabaseClient, counter: Counter, fn: string, params: object) {
  counter.requests++;
  const { data, error } = await client.rpc(fn, params);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

/** Times every read model and its naive version, with a signed-in staff client. */
export async function timeReadModels(
  client: SupabaseClient,
  { runs, naiveRuns, at, campaign, phones }: ReadModelOptions,
): Promise<Row[]> {
  const rows: Row[] = [];
  const statuses = ['active', 'waiting'];

  // the naive count and the read model agree (sessions, messages, calls of the campaign)
  const stats = await rpc<
    { campaign: string; total_contacts: number; total_messages: number; calls_total: number }[]
  >(client, { requests: 0 }, 'campaign_stats', {});
  const naiveAll = await timeRuns(naiveRuns, 0, (c) => naiveCampaignStats(client, c));
  const naiveCheck = await naiveCampaignStats(client, { requests: 0 }, campaign);
  const model = stats.find((s) => s.campaign === campaign)!;
  const agree =
    naiveCheck[0]?.totalContacts === Number(model.total_contacts) &&
    naiveCheck[0]?.totalMessages === Number(model.total_messages) &&
    naiveCheck[0]?.callsTotal === Number(model.calls_total);
  // A read model that is fast but wrong fails its row.
  const note = agree ? undefined : 'naive counts differ from the read model';

  const statsAll = await timeRuns(runs, 3, (c) => rpc(client, c, 'campaign_stats', {}));
  rows.push({
    what: 'campaign stats, all campaigns',
    at,
    measured: statsAll,
    naive: naiveAll,
    bar: 'p50 ≤ 30 ms, 1 request, ≥ 100× naive',
    pass:
      agree && statsAll.p50 <= 30 && statsAll.requests === 1 && naiveAll.p50 / statsAll.p50 >= 100,
    note,
  });
  const naiveOne = await timeRuns(naiveRuns, 0, (c) => naiveCampaignStats(client, c, campaign));
  const statsOne = await timeRuns(runs, 3, (c) =>
    rpc(client, c, 'campaign_stats', { p_campaign: campaign }),
  );
  rows.push({
    what: `campaign stats, one (${campaign})`,
    at,
    measured: statsOne,
    naive: naiveOne,
    bar: 'p50 ≤ 30 ms, 1 request, ≥ 100× naive',
    pass:
      agree && statsOne.p50 <= 30 && statsOne.requests === 1 && naiveOne.p50 / statsOne.p50 >= 100,
    note,
  });

  const naiveLive = await timeRuns(naiveRuns + 1, 1, (c) =>
    naiveLiveSessions(client, c, campaign, statuses),
  );
  const live = await timeRuns(runs, 3, (c) =>
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
  const liveAll = await timeRuns(runs, 3, (c) => rpc(client, c, 'live_sessions', { p_limit: 50 }));
  rows.push({
    what: 'live sessions, top 50 (no filter)',
    at,
    measured: liveAll,
    naive: null,
    bar: 'p50 ≤ 30 ms, 1 request',
    pass: liveAll.p50 <= 30 && liveAll.requests === 1,
  });

  const naiveProf = await timeRuns(naiveRuns + 1, 1, (c) => naiveProfile(client, c, phones));
  // What the candidate dialog reads: the profile and the conversation's newest page, together.
  const profile = await timeRuns(runs, 3, (c) =>
    Promise.all([
      rpc(client, c, 'candidate_summary', { p_phones: phones }),
      rpc(client, c, 'chat_page', { p_phones: phones, p_limit: CHAT_PAGE_SIZE + 1 }),
    ]),
  );
  rows.push({
    what: 'candidate profile (+ newest chat page)',
    at,
    measured: profile,
    naive: naiveProf,
    bar: 'p50 ≤ 50 ms, ≤ 2 requests',
    pass: profile.p50 <= 50 && profile.requests <= 2,
  });
  return rows;
}
