import { beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, createBackendApi } from '@/lib/backend-queries';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { newClient, signedInClient, strangerClient, withDb } from '../support/clients';
import { DAYS_TO_DEMO } from '../support/temp-stack';

// The campaign read models of …_backend_baseline.sql (funnel, daily activity, sessions, status
// counts) against direct SQL on the same rows: the demo campaign for realistic data, and a
// campaign of this file's own for exact numbers.

let api: BackendApi;
const PLUMBER = DEMO_EXAMPLES.campaign;
const TEST_CAMPAIGN = 'Roofer - Activity Test';
const TZ = 'Europe/London';

beforeAll(async () => {
  api = createBackendApi(await signedInClient(DEMO_STAFF[2]!.email));
});

const sql = async <T>(query: string, params: unknown[] = []) =>
  withDb(async (db) => (await db.query(query, params)).rows as T[]);
const sqlCount = async (query: string, params: unknown[] = []) =>
  Number((await sql<{ n: string }>(query, params))[0]!.n);

describe('session_status_counts', () => {
  it('equals a count by status, for all sessions and for one campaign', async () => {
    const expected = async (campaign: string | null) =>
      (
        await sql<{ status: string | null; n: string }>(
          `select lower(status) as status, count(*) as n from sessions
           where $1::text is null or campaign = $1 group by 1`,
          [campaign],
        )
      )
        .map((r) => ({ status: r.status, sessions: Number(r.n) }))
        .sort((a, b) => (a.status ?? '').localeCompare(b.status ?? ''));
    const sorted = (rows: { status: string | null; sessions: number }[]) =>
      [...rows].sort((a, b) => (a.status ?? '').localeCompare(b.status ?? ''));

    const all = await api.getSessionStatusCounts();
    expect(sorted(all)).toEqual(await expected(null));
    // Sessions without a campaign count too: "active now" is every active conversation.
    expect(all.find((c) => c.status === 'active')!.sessions).toBe(
      await sqlCount(`select count(*) as n from sessions where lower(status) = 'active'`),
    );
    expect(sorted(await api.getSessionStatusCounts(PLUMBER))).toEqual(await expected(PLUMBER));
  });
});

describe('campaign_funnel', () => {
  it('contacts → replied → called → objectives equal SQL counts, in the campaign order', async () => {
    const funnel = await api.getCampaignFunnel(PLUMBER);
    const ofCampaign = `select session_id from sessions where campaign = '${PLUMBER}'`;
    const contacts = await sqlCount(`select count(*) as n from sessions where campaign = $1`, [
      PLUMBER,
    ]);
    expect(funnel.slice(0, 3)).toEqual([
      { step: 'contacts', objectiveKey: null, label: 'Contacts', sessions: contacts, share: 1 },
      expect.objectContaining({
        step: 'replied',
        sessions: await sqlCount(
          `select count(distinct session_id) as n from chat_history
           where session_id in (${ofCampaign}) and public.message_sender(message) = 'user'`,
        ),
      }),
      expect.objectContaining({
        step: 'called',
        sessions: await sqlCount(
          `select count(distinct session_id) as n from calls where session_id in (${ofCampaign})`,
        ),
      }),
    ]);

    const objectives = funnel.slice(3);
    const info = await api.getCampaignInfo(PLUMBER);
    expect(
      objectives.slice(0, info!.objectives.length).map((o) => [o.objectiveKey, o.label]),
    ).toEqual(info!.objectives.map((o) => [o.key, o.label]));
    for (const o of objectives) {
      expect(o.sessions, o.objectiveKey!).toBe(
        await sqlCount(
          `select count(*) as n from sessions where campaign = $1
           and public.objective_achieved(public.objective_value(objectives, $2))`,
          [PLUMBER, o.objectiveKey],
        ),
      );
      expect(o.share).toBeCloseTo(o.sessions / contacts, 6);
    }

    // The same numbers as the campaign's statistics.
    const [stats] = await api.getCampaignStats(PLUMBER);
    expect(funnel[1]!.sessions).toBe(stats!.repliedContacts);
    expect(objectives.map((o) => [o.objectiveKey, o.sessions])).toEqual(
      stats!.objectiveBreakdown.map((o) => [o.key, o.achieved]),
    );
  });

  it('an unknown campaign has an empty funnel of zeros', async () => {
    expect(await api.getCampaignFunnel('No Such Campaign')).toEqual([
      { step: 'contacts', objectiveKey: null, label: 'Contacts', sessions: 0, share: 0 },
      { step: 'replied', objectiveKey: null, label: 'Replied', sessions: 0, share: 0 },
      { step: 'called', objectiveKey: null, label: 'Called', sessions: 0, share: 0 },
    ]);
  });
});

describe('campaign_daily_activity', () => {
  const today = async (tz: string) =>
    (
      await sql<{ d: string }>(`select to_char((now() at time zone $1)::date, 'YYYY-MM-DD') as d`, [
        tz,
      ])
    )[0]!.d;

  // back far enough to reach the demo data, however long after its anchor the suite runs
  it('has the last N days, today included, with per-day counts equal to SQL', async () => {
    const days = await api.getCampaignDailyActivity(PLUMBER, { days: DAYS_TO_DEMO, timeZone: TZ });
    expect(days).toHaveLength(DAYS_TO_DEMO);
    expect(days.at(-1)!.day).toBe(await today(TZ));
    // Consecutive days: no gaps where nothing happened.
    const times = days.map((d) => Date.parse(`${d.day}T00:00:00Z`));
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(
      Array(DAYS_TO_DEMO - 1).fill(86_400_000),
    );

    const expected = await sql<{
      day: string;
      messages_in: string;
      messages_out: string;
      calls: string;
    }>(
      `with ids as (select session_id from sessions where campaign = $1),
       m as (select to_char((created_at at time zone $2)::date, 'YYYY-MM-DD') as day,
               count(*) filter (where public.message_sender(message) = 'user') as messages_in,
               count(*) filter (where public.message_sender(message) = 'agent') as messages_out
             from chat_history where session_id in (select session_id from ids) group by 1),
       c as (select to_char((called_at at time zone $2)::date, 'YYYY-MM-DD') as day, count(*) as calls
             from calls where session_id in (select session_id from ids) group by 1)
       select coalesce(m.day, c.day) as day, coalesce(m.messages_in, 0) as messages_in,
              coalesce(m.messages_out, 0) as messages_out, coalesce(c.calls, 0) as calls
       from m full join c on c.day = m.day`,
      [PLUMBER, TZ],
    );
    const byDay = new Map(expected.map((r) => [r.day, r]));
    for (const d of days) {
      const row = byDay.get(d.day);
      expect(d, d.day).toEqual({
        day: d.day,
        messagesIn: Number(row?.messages_in ?? 0),
        messagesOut: Number(row?.messages_out ?? 0),
        calls: Number(row?.calls ?? 0),
      });
    }
    expect(days.reduce((sum, d) => sum + d.messagesIn + d.messagesOut, 0)).toBeGreaterThan(0);
  });

  it('counts what happens today, in the time zone asked for', async () => {
    await withDb(async (db) => {
      await db.query(
        `insert into sessions (session_id, phone_number, campaign, status) values ('activity_test_1', '+447700900301', $1, 'active') on conflict do nothing`,
        [TEST_CAMPAIGN],
      );
      await db.query(`insert into chat_history (session_id, message, created_at) values
        ('activity_test_1', '{"type":"human","content":"Hiya"}', now()),
        ('activity_test_1', '{"type":"ai","content":"Hello!"}', now()),
        ('activity_test_1', '{"type":"ai","content":"Still there?"}', now()),
        ('activity_test_1', '{"type":"human","content":"Long ago"}', now() - interval '30 days')`);
      await db.query(
        `insert into calls (call_id, session_id, called_at, duration, status) values ('activity_test_call', 'activity_test_1', now(), 60, 'completed') on conflict do nothing`,
      );
    });
    for (const tz of [TZ, 'America/New_York', 'Asia/Tokyo']) {
      const days = await api.getCampaignDailyActivity(TEST_CAMPAIGN, { days: 7, timeZone: tz });
      expect(days).toHaveLength(7);
      expect(days.at(-1)).toEqual({
        day: await today(tz),
        messagesIn: 1,
        messagesOut: 2,
        calls: 1,
      });
      expect(days.slice(0, -1).every((d) => d.messagesIn + d.messagesOut + d.calls === 0)).toBe(
        true,
      );
    }
  });
});

describe('campaign_sessions', () => {
  it('lists a campaign’s sessions, most recently active first, with counts equal to SQL', async () => {
    const { rows, total } = await api.getCampaignSessions(PLUMBER, { limit: 1000 });
    expect(total).toBe(
      await sqlCount(`select count(*) as n from sessions where campaign = $1`, [PLUMBER]),
    );
    expect(rows).toHaveLength(total);
    const times = rows.map((r) => r.lastActivity ?? '');
    expect(times).toEqual([...times].sort().reverse());
    for (const r of rows.slice(0, 5)) {
      const [counts] = await sql<{ m: string; i: string; c: string }>(
        `select (select count(*) from chat_history where session_id = $1) as m,
                (select count(*) from chat_history where session_id = $1 and public.message_sender(message) = 'user') as i,
                (select count(*) from calls where session_id = $1) as c`,
        [r.sessionId],
      );
      expect([r.messageCount, r.messagesIn, r.callCount]).toEqual([
        Number(counts!.m),
        Number(counts!.i),
        Number(counts!.c),
      ]);
    }
    // Objectives are labelled from the campaign.
    const info = await api.getCampaignInfo(PLUMBER);
    expect(rows[0]!.objectives.slice(0, info!.objectives.length).map((o) => o.label)).toEqual(
      info!.objectives.map((o) => o.label),
    );

    const limited = await api.getCampaignSessions(PLUMBER, { limit: 10 });
    expect(limited.rows.map((r) => r.sessionId)).toEqual(rows.slice(0, 10).map((r) => r.sessionId));
    expect(limited.total).toBe(total);
  });

  it('each filter matches exactly the sessions a funnel bar counts', async () => {
    const funnel = await api.getCampaignFunnel(PLUMBER);
    const count = (step: string) => funnel.find((f) => f.step === step)!.sessions;
    expect((await api.getCampaignSessions(PLUMBER, { replied: true, limit: 1 })).total).toBe(
      count('replied'),
    );
    expect((await api.getCampaignSessions(PLUMBER, { called: true, limit: 1 })).total).toBe(
      count('called'),
    );
    const contacts = count('contacts');
    expect((await api.getCampaignSessions(PLUMBER, { called: false, limit: 1 })).total).toBe(
      contacts - count('called'),
    );
    for (const o of funnel.filter((f) => f.step === 'objective')) {
      const { rows, total } = await api.getCampaignSessions(PLUMBER, {
        objective: o.objectiveKey,
        limit: 1000,
      });
      expect(total, o.objectiveKey!).toBe(o.sessions);
      expect(rows.every((r) => r.objectives.find((x) => x.key === o.objectiveKey)?.achieved)).toBe(
        true,
      );
    }
  });

  it('combines status, step and objective filters as SQL does', async () => {
    const { rows, total } = await api.getCampaignSessions(PLUMBER, {
      statuses: ['Waiting', 'active'],
      called: true,
      objective: 'interested',
      limit: 1000,
    });
    expect(total).toBe(
      await sqlCount(
        `select count(*) as n from sessions s where campaign = $1 and lower(status) in ('waiting', 'active')
         and exists (select 1 from calls k where k.session_id = s.session_id)
         and public.objective_achieved(public.objective_value(objectives, 'interested'))`,
        [PLUMBER],
      ),
    );
    expect(total).toBeGreaterThan(0);
    expect(rows.every((r) => ['waiting', 'active'].includes(r.status!) && r.callCount > 0)).toBe(
      true,
    );
  });
});

describe('who may read them', () => {
  it('a signed-in user who is not staff gets nothing', async () => {
    const stranger = createBackendApi((await strangerClient()).client);
    expect(await stranger.getSessionStatusCounts()).toEqual([]);
    expect((await stranger.getCampaignFunnel(PLUMBER)).map((s) => s.sessions)).toEqual([0, 0, 0]);
    const days = await stranger.getCampaignDailyActivity(PLUMBER);
    expect(days).toHaveLength(14);
    expect(days.every((d) => d.messagesIn + d.messagesOut + d.calls === 0)).toBe(true);
    expect(await stranger.getCampaignSessions(PLUMBER)).toEqual({ rows: [], total: 0 });
  });

  it('anon cannot call them at all', async () => {
    const anon = newClient();
    for (const [fn, args] of [
      ['session_status_counts', {}],
      ['campaign_funnel', { p_campaign: PLUMBER }],
      ['campaign_daily_activity', { p_campaign: PLUMBER }],
      ['campaign_sessions', { p_campaign: PLUMBER }],
    ] as const) {
      const { data, error } = await anon.rpc(fn, args as never);
      expect(data).toBeNull();
      expect(error?.code).toBe('42501');
    }
  });
});
