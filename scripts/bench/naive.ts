import type { SupabaseClient } from '@supabase/supabase-js';
import { normalizeMessage } from '../../src/lib/normalizers';

// The approaches the server-side read models replace (DESIGN §2): download rows through the API,
// 1,000 at a time (PostgREST's cap), and count in the client; one request per session for lists.
// They count what the read models count, so the bench can check both give the same answers.

export interface Counter {
  requests: number;
}

const PAGE = 1000;

type Row = Record<string, unknown>;

/** Every row of a query, paging by a unique ordered key (keyset: no deep OFFSET scans). */
async function pageAll(
  client: SupabaseClient,
  counter: Counter,
  table: string,
  columns: string,
  key: string,
  filter?: { column: string; values: string[] },
): Promise<Row[]> {
  const rows: Row[] = [];
  let after: unknown = null;
  for (;;) {
    let query = client.from(table).select(columns).order(key).limit(PAGE);
    if (after !== null) query = query.gt(key, after as string);
    if (filter) query = query.in(filter.column, filter.values);
    counter.requests++;
    const { data, error } = await query;
    if (error) throw new Error(`${table}: ${error.message}`);
    const page = (data ?? []) as unknown as Row[];
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]![key];
  }
}

export interface NaiveCampaignStats {
  campaign: string;
  totalContacts: number;
  messagesIn: number;
  messagesOut: number;
  totalMessages: number;
  callsTotal: number;
  repliedContacts: number;
}

/** Campaign stats counted in the client: all sessions, messages and calls (of one campaign). */
export async function naiveCampaignStats(
  client: SupabaseClient,
  counter: Counter,
  campaign?: string,
): Promise<NaiveCampaignStats[]> {
  const sessions = await pageAll(
    client,
    counter,
    'sessions',
    'session_id,campaign,status',
    'session_id',
    campaign ? { column: 'campaign', values: [campaign] } : undefined,
  );
  const campaignOf = new Map(sessions.map((s) => [s.session_id as string, s.campaign as string]));
  let messages: Row[];
  let calls: Row[];
  if (campaign) {
    // the campaign's sessions, 100 ids per request (URL length)
    messages = [];
    calls = [];
    const ids = [...campaignOf.keys()];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const column = 'session_id';
      messages.push(
        ...(await pageAll(client, counter, 'chat_history', 'id,session_id,message', 'id', {
          column,
          values: chunk,
        })),
      );
      calls.push(
        ...(await pageAll(
          client,
          counter,
          'calls',
          'call_id,session_id,duration,status',
          'call_id',
          {
            column,
            values: chunk,
          },
        )),
      );
    }
  } else {
    messages = await pageAll(client, counter, 'chat_history', 'id,session_id,message', 'id');
    calls = await pageAll(
      client,
      counter,
      'calls',
      'call_id,session_id,duration,status',
      'call_id',
    );
  }
  const stats = new Map<string, NaiveCampaignStats>();
  const of = (name: string) => {
    let s = stats.get(name);
    if (!s)
      stats.set(
        name,
        (s = {
          campaign: name,
          totalContacts: 0,
          messagesIn: 0,
          messagesOut: 0,
          totalMessages: 0,
          callsTotal: 0,
          repliedContacts: 0,
        }),
      );
    return s;
  };
  for (const s of sessions) if (s.campaign) of(s.campaign as string).totalContacts++;
  const replied = new Set<string>();
  for (const m of messages) {
    const name = campaignOf.get(m.session_id as string);
    if (!name) continue;
    of(name).totalMessages++;
    const who = normalizeMessage(m.message).sender;
    if (who === 'user') {
      of(name).messagesIn++;
      replied.add(m.session_id as string);
    } else if (who === 'agent') of(name).messagesOut++;
  }
  for (const id of replied) of(campaignOf.get(id)!).repliedContacts++;
  for (const c of calls) {
    const name = campaignOf.get(c.session_id as string);
    if (name) of(name).callsTotal++;
  }
  return [...stats.values()].sort((a, b) => a.campaign.localeCompare(b.campaign));
}

/** The live list the old way: the 50 latest sessions, then two count requests per session. */
export async function naiveLiveSessions(
  client: SupabaseClient,
  counter: Counter,
  campaign: string,
  statuses: string[],
): Promise<number> {
  counter.requests++;
  const { data, error } = await client
    .from('sessions')
    .select('session_id,phone_number,campaign,status,updated_at')
    .eq('campaign', campaign)
    .in('status', statuses)
    .order('updated_at', { ascending: false })
    .limit(50);
  if (error) throw new Error(error.message);
  let total = 0;
  for (const s of data ?? []) {
    for (const table of ['chat_history', 'calls'] as const) {
      counter.requests++;
      const { count, error: e } = await client
        .from(table)
        .select('*', { count: 'exact', head: true })
        .eq('session_id', s.session_id as string);
      if (e) throw new Error(e.message);
      total += count ?? 0;
    }
  }
  return total;
}

/** A candidate's profile the old way: their sessions, numbers, messages, calls and campaigns. */
export async function naiveProfile(
  client: SupabaseClient,
  counter: Counter,
  phones: string[],
): Promise<number> {
  const q = async <T>(p: PromiseLike<{ data: T | null; error: { message: string } | null }>) => {
    counter.requests++;
    const { data, error } = await p;
    if (error) throw new Error(error.message);
    return data!;
  };
  const [sessions, numbers] = await Promise.all([
    q(client.from('sessions').select('*').in('phone_number', phones)),
    q(client.from('numbers').select('session_id').in('phone_number', phones)),
  ]);
  const ids = [
    ...new Set([
      ...(sessions as Row[]).map((s) => s.session_id as string),
      ...(numbers as Row[]).map((n) => n.session_id as string),
    ]),
  ];
  const messages = await pageAll(client, counter, 'chat_history', '*', 'id', {
    column: 'session_id',
    values: ids,
  });
  const [calls] = await Promise.all([
    q(client.from('calls').select('*').in('session_id', ids)),
    q(
      client
        .from('campaigns')
        .select('*')
        .in(
          'name',
          (sessions as Row[]).map((s) => s.campaign as string),
        ),
    ),
  ]);
  return messages.length + (calls as Row[]).length;
}
