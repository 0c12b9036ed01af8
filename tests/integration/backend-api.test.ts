import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { type BackendApi, createBackendApi, phoneLookup } from '@/lib/backend-queries';
import type { ChatCursor, ChatPage } from '@/lib/backend-types';
import { normalizeMessage, normalizeObjectives } from '@/lib/normalizers';
import messageFixtures from '@/lib/normalizers/fixtures/messages.json';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { newClient, signedInClient, stackInfo, strangerClient, withDb } from '../support/clients';

let api: BackendApi;
let staff: Awaited<ReturnType<typeof signedInClient>>;
const guidePhone = DEMO_EXAMPLES.phone; // +447853723604

beforeAll(async () => {
  staff = await signedInClient(DEMO_STAFF[0]!.email);
  api = createBackendApi(staff);
});

/** Every page of a phone's conversation, newest page first, following the cursors to the end. */
async function allPages(phone: string, limit?: number): Promise<ChatPage[]> {
  const pages: ChatPage[] = [];
  let before: ChatCursor | null = null;
  for (;;) {
    const page = await api.getChatPage(phone, { before, limit });
    pages.push(page);
    if (!page.hasOlder || pages.length > 3000) return pages;
    before = page.cursor;
  }
}

/** The pages' messages as one conversation, oldest first. */
const joined = (pages: ChatPage[]) => [...pages].reverse().flatMap((p) => p.messages);

const sqlCount = async (query: string, params: unknown[] = []) =>
  withDb(async (db) => Number((await db.query<{ n: string }>(query, params)).rows[0]!.n));

describe('backend-api on the demo data', () => {
  it('getChatHistoryByPhone returns the whole conversation, oldest first, normalized', async () => {
    const messages = await api.getChatHistoryByPhone(guidePhone);
    const expected = await sqlCount(
      `select count(*) as n from chat_history where session_id in (
         select session_id from sessions where phone_number = any($1) union select session_id from numbers where phone_number = any($1))`,
      [
        [
          '+447853723604',
          '447853723604',
          '07853723604',
          'whatsapp:+447853723604',
          '+44 7853 723604',
        ],
      ],
    );
    expect(messages.length).toBe(expected);
    expect(messages.length).toBeGreaterThan(20);
    const times = messages.map((m) => m.timestamp);
    expect(times).toEqual([...times].sort());
    expect(messages.some((m) => m.sender === 'user')).toBe(true);
    expect(messages.some((m) => m.sender === 'agent')).toBe(true);
  });

  it('a phone in five formats gives the same result', async () => {
    const forms = [
      '+447853723604',
      '447853723604',
      '07853723604',
      '+44 7853 723604',
      'whatsapp:+447853723604',
    ];
    const results = await Promise.all(forms.map((p) => api.getChatHistoryByPhone(p)));
    for (const r of results) expect(r.map((m) => m.id)).toEqual(results[0]!.map((m) => m.id));
    const sessions = await Promise.all(forms.map((p) => api.getSessionByPhone(p)));
    expect(new Set(sessions.map((s) => s?.sessionId)).size).toBe(1);
  });

  it('getSessionById and getSessionByPhone label objectives from the campaign', async () => {
    const session = await api.getSessionById(DEMO_EXAMPLES.sessionId);
    expect(session?.sessionId).toBe(DEMO_EXAMPLES.sessionId);
    const byPhone = await api.getSessionByPhone(guidePhone);
    expect(byPhone?.campaign).toBe(DEMO_EXAMPLES.campaign);
    const campaign = await api.getCampaignInfo(DEMO_EXAMPLES.campaign);
    expect(campaign?.objectives.length).toBeGreaterThan(2);
    // Objectives come in the campaign's order, with its labels.
    expect(byPhone!.objectives.slice(0, campaign!.objectives.length).map((o) => o.label)).toEqual(
      campaign!.objectives.map((o) => o.label),
    );
    expect(await api.getSessionById('no_such_session')).toBeNull();
  });

  it('calls by phone and by session, newest first, with playable recordings only for http(s)', async () => {
    const calls = await api.getCallsByPhone(guidePhone);
    expect(calls.length).toBeGreaterThan(0);
    const bySession = await api.getCallsBySession(calls[0]!.sessionId!);
    expect(bySession.map((c) => c.call_id)).toEqual(
      calls.filter((c) => c.sessionId === calls[0]!.sessionId).map((c) => c.call_id),
    );
    const times = calls.map((c) => c.called_at ?? '');
    expect(times).toEqual([...times].sort().reverse());
    const all = await withDb(
      async (db) =>
        (
          await db.query<{ call_id: string; recording_url: string | null }>(
            'select call_id, recording_url from calls',
          )
        ).rows,
    );
    const odd = all.find((c) => c.recording_url && !/^https?:/.test(c.recording_url));
    expect(odd).toBeDefined();
    const [oddCall] = (
      await api.getCallsBySession(
        (
          await withDb((db) =>
            db.query('select session_id from calls where call_id = $1', [odd!.call_id]),
          )
        ).rows[0].session_id,
      )
    ).filter((c) => c.call_id === odd!.call_id);
    expect(oddCall!.recording_url).toBe(odd!.recording_url);
    expect(oddCall!.playableRecordingUrl).toBeNull();
  });

  it('an unknown phone gives empty results, not an error', async () => {
    expect(await api.getChatHistoryByPhone('+447700000001')).toEqual([]);
    expect(await api.getCallsByPhone('07700 000001')).toEqual([]);
    expect(await api.getSessionByPhone('+447700000001')).toBeNull();
    const profile = await api.getCandidateProfile('+447700000001');
    expect(profile).toMatchObject({
      phoneNumber: '+447700000001',
      sessionInfo: null,
      messageCount: 0,
      lastMessageAt: null,
      chatHistory: [],
      callHistory: [],
    });
    expect(await api.getChatPage('+447700000001')).toEqual({
      messages: [],
      hasOlder: false,
      cursor: null,
    });
  });

  it('an invalid phone is a validation error and sends no request', async () => {
    let requests = 0;
    const counting = newClient(stackInfo().anonKey, stackInfo().apiUrl, (input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    const local = createBackendApi(counting);
    for (const call of [
      () => local.getChatHistoryByPhone('hello'),
      () => local.getCallsByPhone("'; drop table sessions; --"),
      () => local.getSessionByPhone(''),
      () => local.getCandidateProfile('+44'),
      () => local.getChatPage('not a phone'),
    ]) {
      await expect(call()).rejects.toMatchObject({ kind: 'validation' });
    }
    expect(requests).toBe(0);
  });

  it('the candidate profile comes in one request with everything', async () => {
    let requests = 0;
    const staff = await signedInClient(DEMO_STAFF[1]!.email);
    const { data } = await staff.auth.getSession();
    const counting = newClient(stackInfo().anonKey, stackInfo().apiUrl, (input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    await counting.auth.setSession({
      access_token: data.session!.access_token,
      refresh_token: data.session!.refresh_token,
    });
    requests = 0;
    const profile = await createBackendApi(counting).getCandidateProfile('07853 723604');
    expect(requests).toBeLessThanOrEqual(2);
    expect(profile.sessionInfo?.campaign).toBe(DEMO_EXAMPLES.campaign);
    expect(profile.campaignInfo?.name).toBe(DEMO_EXAMPLES.campaign);
    const messages = await api.getChatHistoryByPhone(guidePhone);
    expect(profile.chatHistory.map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect(profile.messageCount).toBe(messages.length);
    expect(new Date(profile.lastMessageAt!).toISOString()).toBe(
      new Date(Math.max(...messages.map((m) => Date.parse(m.timestamp)))).toISOString(),
    );
    expect(profile.callHistory.map((c) => c.call_id)).toEqual(
      (await api.getCallsByPhone(guidePhone)).map((c) => c.call_id),
    );
    expect(profile.objectiveTimeline.length).toBeGreaterThan(0);
    const dated = profile.objectiveTimeline.filter((e) => e.at).map((e) => e.at!);
    expect(dated).toEqual([...dated].sort());
  });

  it('live sessions: newest activity first, with exact counts, filtered', async () => {
    const live = await api.getLiveSessions(20);
    expect(live).toHaveLength(20);
    const times = live.map((s) => s.lastActivity!);
    expect(times).toEqual([...times].sort().reverse());
    for (const s of live.slice(0, 5)) {
      expect(s.messageCount).toBe(
        await sqlCount('select count(*) as n from chat_history where session_id = $1', [
          s.sessionId,
        ]),
      );
      expect(s.callCount).toBe(
        await sqlCount('select count(*) as n from calls where session_id = $1', [s.sessionId]),
      );
    }
    const filtered = await api.getLiveSessions(50, {
      campaign: DEMO_EXAMPLES.campaign,
      statuses: ['active'],
    });
    expect(filtered.length).toBeGreaterThan(0);
    expect(
      filtered.every((s) => s.campaign === DEMO_EXAMPLES.campaign && s.status === 'active'),
    ).toBe(true);
    const searched = await api.getLiveSessions(10, { search: '07853 723604' });
    expect(searched.map((s) => s.phoneNumber)).toContain(guidePhone);
    const byPhone = await api.getLiveSessions(10, { phones: ['07853723604'] });
    expect(byPhone.map((s) => s.phoneNumber)).toContain(guidePhone);
    // Searches read trigram indexes; the rows must be those a plain scan finds, in order.
    const scan = (search: string, campaign: string | null = null) =>
      withDb(async (db) => {
        const { rows } = await db.query<{ session_id: string }>(
          `select s.session_id from sessions s
           join session_activity_rollup r on r.session_id = s.session_id
           where ($2::text is null or s.campaign = $2)
             and (regexp_replace(coalesce(s.phone_number, ''), '\\D', '', 'g')
                    like '%' || nullif(ltrim(regexp_replace($1, '\\D', '', 'g'), '0'), '') || '%'
                  or s.session_id ilike '%' || $1 || '%')
           order by r.last_activity desc nulls last, s.session_id limit 50`,
          [search, campaign],
        );
        return rows.map((r) => r.session_id);
      });
    for (const [search, campaign] of [
      ['7700 90', null],
      ['0785', null],
      ['723604', DEMO_EXAMPLES.campaign],
      ['plumber_lon', null],
      ['zzz-nothing', null],
    ] as const) {
      const rows = await api.getLiveSessions(50, { search, campaign: campaign ?? undefined });
      expect(rows.map((s) => s.sessionId)).toEqual(await scan(search, campaign));
    }
    expect(await scan('7700 90')).toHaveLength(50); // the comparisons above were not all empty
    const sessions = await api.getSessionsByCampaign(DEMO_EXAMPLES.campaign);
    expect(sessions.length).toBe(
      await sqlCount('select count(*) as n from sessions where campaign = $1', [
        DEMO_EXAMPLES.campaign,
      ]),
    );
  });
});

describe('campaign statistics', () => {
  it('equal a direct SQL count over the same rows, before and after inserting more', async () => {
    const check = async () => {
      const [stats] = await api.getCampaignStats(DEMO_EXAMPLES.campaign);
      const sessionsOf = `select session_id from sessions where campaign = '${DEMO_EXAMPLES.campaign}'`;
      expect(stats).toMatchObject({
        campaign: DEMO_EXAMPLES.campaign,
        totalSessions: await sqlCount(`select count(*) as n from (${sessionsOf}) s`),
        activeSessions: await sqlCount(
          `select count(*) as n from sessions where campaign = '${DEMO_EXAMPLES.campaign}' and status = 'active'`,
        ),
        totalMessages: await sqlCount(
          `select count(*) as n from chat_history where session_id in (${sessionsOf})`,
        ),
        messagesIn: await sqlCount(
          `select count(*) as n from chat_history where session_id in (${sessionsOf}) and message->>'type' = 'human' or (session_id in (${sessionsOf}) and (message->>'role' = 'user' or message->>'sender' = 'user' or message->'data'->>'type' = 'human'))`,
        ),
        totalCalls: await sqlCount(
          `select count(*) as n from calls where session_id in (${sessionsOf})`,
        ),
        callsCompleted: await sqlCount(
          `select count(*) as n from calls where session_id in (${sessionsOf}) and status = 'completed'`,
        ),
      });
      return stats!;
    };
    const before = await check();
    await withDb(async (db) => {
      await db.query(
        `insert into sessions (session_id, phone_number, campaign, status, objectives) values ('stats_extra_1', '+447700900999', $1, 'active', '{"replied": true}')`,
        [DEMO_EXAMPLES.campaign],
      );
      await db.query(
        `insert into chat_history (session_id, message) values ('stats_extra_1', '{"type":"human","content":"Hello"}'), ('stats_extra_1', '{"type":"ai","content":"Hi!"}')`,
      );
      await db.query(
        `insert into calls (call_id, session_id, called_at, duration, status) values ('stats_extra_call', 'stats_extra_1', now(), 90, 'completed')`,
      );
    });
    const after = await check();
    expect(after.totalSessions).toBe(before.totalSessions + 1);
    expect(after.totalMessages).toBe(before.totalMessages + 2);
    expect(after.totalCalls).toBe(before.totalCalls + 1);
    expect(after.objectiveBreakdown.find((o) => o.key === 'replied')!.achieved).toBe(
      before.objectiveBreakdown.find((o) => o.key === 'replied')!.achieved + 1,
    );
  });

  it('all campaigns in one request, objectives in the campaign order', async () => {
    const all = await api.getCampaignStats();
    expect(all.map((s) => s.campaign)).toEqual(expect.arrayContaining([DEMO_EXAMPLES.campaign]));
    const plumber = all.find((s) => s.campaign === DEMO_EXAMPLES.campaign)!;
    const info = await api.getCampaignInfo(DEMO_EXAMPLES.campaign);
    expect(plumber.objectiveBreakdown.slice(0, info!.objectives.length).map((o) => o.key)).toEqual(
      info!.objectives.map((o) => o.key),
    );
    expect(plumber.replyRate).toBeCloseTo(plumber.repliedContacts / plumber.totalSessions, 3);
  });

  it('a campaign with no sessions gives zeros', async () => {
    await withDb((db) =>
      db.query(
        `insert into campaigns (name, objectives) values ('Roofer - Bristol', '[{"key":"replied","label":"Replied"}]') on conflict do nothing`,
      ),
    );
    const [stats] = await api.getCampaignStats('Roofer - Bristol');
    expect(stats).toMatchObject({
      totalSessions: 0,
      totalMessages: 0,
      totalCalls: 0,
      replyRate: 0,
      averageCallDuration: null,
    });
    expect(stats!.objectiveBreakdown).toEqual([
      { key: 'replied', label: 'Replied', achieved: 0, share: 0 },
    ]);
    const [unknown] = await api.getCampaignStats('No Such Campaign');
    expect(unknown).toMatchObject({ campaign: 'No Such Campaign', totalSessions: 0 });
  });
});

describe('long conversations and paging', () => {
  it('a session with 2,500 messages comes back whole and in order', async () => {
    await withDb(async (db) => {
      await db.query(
        `insert into sessions (session_id, phone_number, campaign, status) values ('long_session', '+447700900998', $1, 'active') on conflict do nothing`,
        [DEMO_EXAMPLES.campaign],
      );
      await db.query(`insert into chat_history (session_id, message, created_at)
        select 'long_session', jsonb_build_object('type', case when i % 2 = 0 then 'human' else 'ai' end, 'content', 'message ' || i),
               timestamptz '2026-01-01' + i * interval '1 minute'
        from generate_series(1, 2500) i`);
    });
    const messages = await api.getChatHistoryBySession('long_session');
    expect(messages).toHaveLength(2500);
    expect(messages.map((m) => m.text)).toEqual(
      Array.from({ length: 2500 }, (_, i) => `message ${i + 1}`),
    );
    const profile = await api.getCandidateProfile('+447700900998');
    expect(profile.messageCount).toBe(2500);
    expect(profile.chatHistory).toHaveLength(2500);
    const pages = await allPages('+447700900998'); // 200 a page
    expect(pages.map((p) => p.messages.length)).toEqual([...Array(12).fill(200), 100]);
    expect(joined(pages).map((m) => m.text)).toEqual(messages.map((m) => m.text));
    // chat_page serves at most 1,000 rows; getChatPage asks for one more than its page
    const { data } = await staff.rpc('chat_page', {
      p_phones: ['+447700900998'],
      p_limit: 5000,
    });
    expect(data).toHaveLength(1000);
    const big = await api.getChatPage('+447700900998', { limit: 5000 });
    expect(big.messages).toHaveLength(999);
    expect(big.hasOlder).toBe(true);
    expect(big.messages.map((m) => m.text)).toEqual(messages.slice(-999).map((m) => m.text));
    const [live] = await api.getLiveSessions(1, { phones: ['+447700900998'] });
    expect(live!.messageCount).toBe(2500);
  });
});

describe('the conversation in pages (chat_page)', () => {
  const phone = '+447700100250';
  const sessions = ['pages_a', 'pages_b'];
  // The whole conversation in the order it is shown: by time, then id; messages without one last.
  let whole: number[];

  beforeAll(async () => {
    whole = await withDb(async (db) => {
      // pages_a is found through its own phone, pages_b only through `numbers`, in another form.
      await db.query(
        `insert into sessions (session_id, phone_number, campaign, status)
         values ('pages_a', $1, $2, 'active'), ('pages_b', null, $2, 'completed')`,
        [phone, DEMO_EXAMPLES.campaign],
      );
      await db.query(
        `insert into numbers (phone_number, session_id, campaign) values ('07700100250', 'pages_b', $1)`,
        [DEMO_EXAMPLES.campaign],
      );
      // 25 messages, written out of time order so that ids do not follow times. The 15th and
      // 16th (one in each session) share a time: the boundary between the first two pages of 10.
      // The last two have no time (they sort as the newest).
      for (let n = 0; n < 25; n++) {
        const i = (n * 7) % 25;
        const minute = i === 15 ? 14 : i;
        await db.query(
          'insert into chat_history (session_id, message, created_at) values ($1, $2, $3)',
          [
            sessions[i % 3 === 0 ? 1 : 0],
            { type: i % 2 ? 'ai' : 'human', content: `page message ${i}` },
            i >= 23 ? null : new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
          ],
        );
      }
      const { rows } = await db.query<{ id: string }>(
        `select id from chat_history where session_id = any($1)
         order by created_at asc nulls last, id asc`,
        [sessions],
      );
      return rows.map((r) => Number(r.id));
    });
  });

  it('the first page holds the newest messages, oldest first, and says older ones exist', async () => {
    const page = await api.getChatPage('07700 100250', { limit: 10 });
    expect(page.messages.map((m) => m.id)).toEqual(whole.slice(15));
    expect(page.hasOlder).toBe(true);
    const oldest = page.messages[0]!;
    expect(page.cursor).toEqual({ at: oldest.timestamp, id: oldest.id });
    expect(page.messages.slice(-2).map((m) => m.timestamp)).toEqual(['', '']);
    expect(new Set(page.messages.map((m) => m.sessionId))).toEqual(new Set(sessions));
  });

  it.each([10, 1, 2, 5, 7, 24, 25, 200])(
    'following the cursors %i at a time gives every message once, in the conversation order',
    async (limit) => {
      const pages = await allPages(phone, limit);
      expect(pages).toHaveLength(Math.ceil(25 / limit));
      expect(pages.map((p) => p.messages.length)).toEqual(
        pages.map((_, i) => Math.min(limit, 25 - i * limit)),
      );
      expect(pages.map((p) => p.hasOlder)).toEqual(pages.map((_, i) => i < pages.length - 1));
      expect(joined(pages).map((m) => m.id)).toEqual(whole);
      for (const page of pages)
        expect(page.cursor).toEqual({
          at: page.messages[0]!.timestamp || null,
          id: page.messages[0]!.id,
        });
      // past the oldest message, nothing
      expect(await api.getChatPage(phone, { before: pages.at(-1)!.cursor, limit })).toEqual({
        messages: [],
        hasOlder: false,
        cursor: null,
      });
    },
  );

  it('agrees with the whole conversation as getChatHistoryByPhone reads it', async () => {
    expect((await api.getChatHistoryByPhone(phone)).map((m) => m.id)).toEqual(whole);
    expect(joined(await allPages('whatsapp:+447700100250', 4)).map((m) => m.id)).toEqual(whole);
  });

  it('clamps the page size', async () => {
    for (const limit of [0, -5, 0.5, Number.NaN]) {
      const page = await api.getChatPage(phone, { limit });
      expect(page.messages.map((m) => m.id)).toEqual(Number.isNaN(limit) ? whole : whole.slice(-1));
      expect(page.hasOlder).toBe(!Number.isNaN(limit));
    }
    const rows = async (p_limit: number | null) =>
      (
        await staff.rpc('chat_page', {
          p_phones: phoneLookup(phone).variants,
          p_limit,
        } as never)
      ).data as unknown[];
    expect(await rows(0)).toHaveLength(1);
    expect(await rows(-1)).toHaveLength(1);
    expect(await rows(null)).toHaveLength(25); // the default, 200
    expect(await rows(5000)).toHaveLength(25);
  });

  it('the summary counts the messages and gives the last time, without the messages', async () => {
    const summary = await api.getCandidateSummary(phone);
    expect(summary.messageCount).toBe(25);
    expect(new Date(summary.lastMessageAt!).toISOString()).toBe('2026-03-01T10:22:00.000Z');
    expect(summary.sessions.map((s) => s.sessionId).sort()).toEqual(sessions);
    // The guide's whole profile is the summary and the conversation, in the pages' order.
    const { chatHistory, ...rest } = await api.getCandidateProfile(phone);
    expect(rest).toEqual(summary);
    expect(chatHistory.map((m) => m.id)).toEqual(whole);
    const { data } = await staff.rpc('candidate_summary', {
      p_phones: phoneLookup(phone).variants,
    });
    expect(Object.keys(data as object).sort()).toEqual([
      'calls',
      'campaigns',
      'last_message_at',
      'message_count',
      'session_ids',
      'sessions',
    ]);
  });
});

describe('read models and row-level security', () => {
  it('a non-staff user gets nothing from any read model', async () => {
    const { client } = await strangerClient();
    const stranger = createBackendApi(client);
    expect(await stranger.getLiveSessions(50)).toEqual([]);
    expect((await stranger.getCampaignStats()).every((s) => s.totalSessions === 0)).toBe(true);
    const profile = await stranger.getCandidateProfile(guidePhone);
    expect(profile).toMatchObject({
      sessionInfo: null,
      messageCount: 0,
      lastMessageAt: null,
      chatHistory: [],
      callHistory: [],
    });
    expect(await stranger.getCandidateSummary(guidePhone)).toMatchObject({
      sessions: [],
      messageCount: 0,
    });
    expect(await stranger.getChatHistoryByPhone(guidePhone)).toEqual([]);
    expect(await stranger.getChatPage(guidePhone)).toEqual({
      messages: [],
      hasOlder: false,
      cursor: null,
    });
  });

  it('anon cannot call the read models at all', async () => {
    const anon = newClient();
    for (const [fn, args] of [
      ['campaign_stats', {}],
      ['live_sessions', {}],
      ['candidate_profile', { p_phones: [guidePhone] }],
      ['candidate_summary', { p_phones: [guidePhone] }],
      ['chat_page', { p_phones: [guidePhone] }],
    ] as const) {
      const { data, error } = await anon.rpc(fn, args as never);
      expect(data).toBeNull();
      expect(error?.code).toBe('42501');
    }
  });

  it('errors come as one typed ApiError', async () => {
    const anonApi = createBackendApi(newClient());
    await expect(anonApi.getLiveSessions(5)).rejects.toBeInstanceOf(ApiError);
    await expect(anonApi.getLiveSessions(5)).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

// The counts in Postgres and the screens in the browser read the same JSON: the SQL functions
// and the TypeScript normalizers must agree on every shape, the fixtures and the rarer ones.
const messageShapes: unknown[] = [
  ...messageFixtures.map((c) => c.input),
  {
    lc: 1,
    type: 'constructor',
    id: ['langchain_core', 'messages', 'HumanMessage'],
    kwargs: { content: 'hi' },
  },
  {
    lc: 1,
    type: 'constructor',
    id: ['langchain_core', 'messages', 'AIMessage'],
    kwargs: { content: 'hello' },
  },
  { type: 'HumanMessage', content: 'x' },
  { role: 'model', content: 'x' },
  { sender: 'customer', text: 'x' },
  { type: 'weird', role: 'assistant', content: 'x' },
  { type: 'developer', content: 'x' },
  { role: 'function', content: 'x' },
  JSON.stringify({ type: 'human', content: 'stored as a string' }),
  '{not json',
  42,
  [{ type: 'human', content: 'in a list' }],
  { type: 'Human ', content: 'spaces' },
  // text rules: parts of every kind, wrappers, numbers, odd spaces
  {
    role: 'user',
    content: [
      { type: 'image_url', image_url: { url: 'https://x' } },
      { type: 'input_audio' },
      { type: 'video' },
      { type: 'file' },
      { type: 'tool_use', name: 'book' },
      { type: 'function_call' },
      { type: 'tool_result' },
      {},
      { type: 'Custom' },
      '  loose string  ',
      { text: ' text part ' },
      7,
    ],
  },
  { type: 'ai', content: { type: 'text', text: 'one part' } },
  { type: 'ai', content: 42 },
  { type: 'ai', content: true },
  { type: 'human', data: { content: 'wrapped' } },
  { type: 'human', content: 'kept', data: { content: 'not this' } },
  { sender: 'user', text: '\u00a0 non-breaking \u2003' },
  { sender: 'user' },
  '  {"role": "user", "content": "padded json string"}  ',
  JSON.stringify({
    lc: 1,
    type: 'constructor',
    id: ['x', 'AIMessage'],
    kwargs: { content: 'lc as string' },
  }),
  '[1, 2]',
];

const objectiveValues: unknown[] = [
  true,
  false,
  1,
  0,
  220,
  -1,
  'yes',
  'Yes',
  'no',
  'n/a',
  'N/A',
  '0',
  '',
  ' ',
  'pending',
  'Monday',
  'not yet',
  null,
  [],
  ['a'],
  [null, ''],
  {},
  { achieved: true },
  { achieved: false, at: '2026-11-20T10:00:00Z' },
  { achieved: 'yes' },
  { value: 'Monday' },
  { value: 'no' },
  { at: '2026-11-20T10:00:00Z', source: 'call' },
  { at: 1763632800 },
  { source: 'chat' },
  { foo: 1 },
];

describe('SQL and the browser agree', () => {
  it.each(messageShapes.map((shape) => [JSON.stringify(shape).slice(0, 60), shape] as const))(
    'on who wrote %s',
    async (_name, shape) => {
      const sql = await withDb(
        async (db) =>
          (
            await db.query<{ s: string }>('select public.message_sender($1::jsonb) as s', [
              JSON.stringify(shape),
            ])
          ).rows[0]!.s,
      );
      expect(sql).toBe(normalizeMessage(shape).sender);
    },
  );

  // The search indexes message_text (issue 17): the words it finds are the words the chat shows.
  it.each(messageShapes.map((shape) => [JSON.stringify(shape).slice(0, 60), shape] as const))(
    'on the text of %s',
    async (_name, shape) => {
      const sql = await withDb(
        async (db) =>
          (
            await db.query<{ t: string }>('select public.message_text($1::jsonb) as t', [
              JSON.stringify(shape),
            ])
          ).rows[0]!.t,
      );
      expect(sql).toBe(normalizeMessage(shape).text);
    },
  );

  it.each(objectiveValues.map((value) => [JSON.stringify(value), value] as const))(
    'on whether %s is achieved',
    async (_name, value) => {
      const sql = await withDb(
        async (db) =>
          (
            await db.query<{ a: boolean }>(
              "select public.objective_achieved(public.objective_value($1::jsonb, 'k')) as a",
              [JSON.stringify({ k: value })],
            )
          ).rows[0]!.a,
      );
      expect(sql).toBe(normalizeObjectives({ k: value })[0]!.achieved);
    },
  );

  it('on objectives stored as a list', async () => {
    const stored = [
      'replied',
      { key: 'interview_booked', achieved: false },
      { key: 'right_to_work', at: '2026-11-20T10:00:00Z' },
    ];
    const browser = normalizeObjectives(stored);
    const sql = await withDb(
      async (db) =>
        (
          await db.query<{ key: string; achieved: boolean }>(
            'select k as key, public.objective_achieved(public.objective_value($1::jsonb, k)) as achieved from public.objective_keys($1::jsonb) k order by k',
            [JSON.stringify(stored)],
          )
        ).rows,
    );
    expect(sql).toEqual(
      browser
        .map((o) => ({ key: o.key, achieved: o.achieved }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
  });
});
