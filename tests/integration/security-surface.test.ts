import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { newClient, signedInClient, strangerClient, withDb } from '../support/clients';

// Relations and functions come from the catalogue at run time, so the clients are untyped here.
const anonClient = () => newClient() as unknown as SupabaseClient;
import { pause, subscribe, waitFor } from '../support/realtime';
import { DAYS_TO_DEMO } from '../support/temp-stack';

// DESIGN §6 over the whole API surface, listed from the database itself so that a table, view or
// function added later is covered without touching this file: the anon key reads and writes
// nothing and may call no function; a signed-up user who is not staff gets from every function
// exactly what staff get for data that doesn't exist; realtime delivers neither of them anything.
// (security.test.ts covers each table by name, notes, and removal through the staff CLI.)

interface Relation {
  name: string;
  kind: 'table' | 'view';
  columns: string[];
}
interface Fn {
  name: string;
  args: { name: string; type: string; required: boolean }[];
  volatility: 'i' | 's' | 'v';
  authenticatedMayCall: boolean;
}

let relations: Relation[] = [];
let functions: Fn[] = [];
let published: string[] = [];

beforeAll(async () => {
  await withDb(async (db) => {
    relations = (
      await db.query<Relation>(`
        select c.relname as name,
               case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
               array(select a.attname::text from pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     order by a.attnum) as columns
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
        order by 1`)
    ).rows;
    const fns = await db.query<{
      name: string;
      arg_names: string[] | null;
      arg_types: string[];
      required: number;
      volatility: Fn['volatility'];
      authenticated: boolean;
    }>(`
      select p.proname as name, p.proargnames as arg_names,
             array(select format_type(t, null) from unnest(p.proargtypes) t) as arg_types,
             p.pronargs - p.pronargdefaults as required, p.provolatile as volatility,
             has_function_privilege('authenticated', p.oid, 'execute') as authenticated
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prokind = 'f' and p.prorettype <> 'trigger'::regtype
      order by 1`);
    functions = fns.rows.map((f) => ({
      name: f.name,
      args: f.arg_types.map((type, i) => ({
        name: f.arg_names?.[i] ?? `$${i + 1}`,
        type,
        required: i < f.required,
      })),
      volatility: f.volatility,
      authenticatedMayCall: f.authenticated,
    }));
    published = (
      await db.query<{ tablename: string }>(
        `select tablename from pg_publication_tables
         where pubname = 'supabase_realtime' and schemaname = 'public' order by 1`,
      )
    ).rows.map((r) => r.tablename);
  });
});

/** Row counts of every table, to prove that refused writes changed nothing. */
const rowCounts = () =>
  withDb(async (db) => {
    const counts: Record<string, number> = {};
    for (const r of relations.filter((rel) => rel.kind === 'table')) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from public.${r.name}`,
      );
      counts[r.name] = rows[0]!.n;
    }
    return counts;
  });

/** PostgREST's answers when the role lacks the privilege (anon: 401) or a policy hides rows. */
const REFUSED = [401, 403];

describe('with the anon key alone (DESIGN §6)', () => {
  it('the catalogue has what the app uses: tables, read models and realtime tables', () => {
    expect(relations.map((r) => r.name)).toEqual(
      expect.arrayContaining(['sessions', 'chat_history', 'calls', 'candidates', 'staff_members']),
    );
    expect(functions.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'campaign_stats',
        'live_sessions',
        'candidate_profile',
        'candidate_summary',
        'chat_page',
      ]),
    );
    expect(published).toEqual([
      'attention_claims',
      'attention_rules',
      'calls',
      'chat_history',
      'numbers',
      'sessions',
    ]);
  });

  it('every table and view refuses reads, inserts, updates and deletes, and nothing changes', async () => {
    const anon = anonClient();
    const before = await rowCounts();
    const outcomes: Record<string, unknown> = {};
    for (const { name, columns } of relations) {
      const column = columns[0]!;
      const read = await anon.from(name).select('*').limit(5);
      const insert = await anon
        .from(name)
        .insert({ [column]: null })
        .select();
      const update = await anon
        .from(name)
        .update({ [column]: null })
        .not(column, 'is', null)
        .select();
      const del = await anon.from(name).delete().not(column, 'is', null).select();
      const results = { read, insert, update, delete: del };
      outcomes[name] = Object.fromEntries(
        Object.entries(results).map(([op, r]) => [
          op,
          // Refused outright, or (at most) nothing returned.
          REFUSED.includes(r.status) || (r.data ?? []).length === 0 ? 'nothing' : r.data,
        ]),
      );
      // Reads in particular are refused, not merely empty: anon holds no privilege at all.
      expect({ name, status: read.status, code: read.error?.code }).toEqual({
        name,
        status: 401,
        code: '42501',
      });
    }
    expect(outcomes).toEqual(
      Object.fromEntries(
        relations.map((r) => [
          r.name,
          { read: 'nothing', insert: 'nothing', update: 'nothing', delete: 'nothing' },
        ]),
      ),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('every function refuses to run (401, permission denied)', async () => {
    const anon = anonClient();
    const results = [];
    for (const fn of functions) {
      const args = sampleArgs(fn, 'real', { anyValue: true });
      const { data, error, status } = await anon.rpc(fn.name, args);
      results.push({ fn: fn.name, status, code: error?.code, data });
    }
    expect(results).toEqual(
      functions.map((fn) => ({ fn: fn.name, status: 401, code: '42501', data: null })),
    );
  });
});

// Values for functions' arguments: `real` ones find demo data, `none` ones find nothing.

const SAMPLES: Record<string, { real: unknown; none: unknown }> = {
  'p_campaign:text': { real: DEMO_EXAMPLES.campaign, none: 'No such campaign' },
  'p_phones:text[]': { real: [DEMO_EXAMPLES.phone], none: ['+447700900000'] },
  'p_phone:text': { real: DEMO_EXAMPLES.phone, none: 'hello' },
  'p_session_ids:text[]': { real: [DEMO_EXAMPLES.sessionId], none: ['no_such_session'] },
  // the demo data lies at a fixed anchor: a window of days reaching back past it, however long ago
  'p_days:integer': { real: DAYS_TO_DEMO, none: DAYS_TO_DEMO },
  // Pure helpers over their arguments (immutable: they read no table).
  'message:jsonb': { real: { type: 'human', content: 'hi' }, none: null },
  'value:jsonb': { real: { achieved: true }, none: null },
  'objectives:jsonb': { real: { replied: true }, none: null },
  'objective_key:text': { real: 'replied', none: null },
  'label:text': { real: 'human', none: null },
  'value:text': { real: '{"a": 1}', none: null },
  'event:jsonb': { real: { user_id: DEMO_STAFF[0]!.id, claims: {} }, none: null },
  // The search (issue 17) and its pure helpers.
  'p_query:text': { real: 'available', none: 'zzqxjvw' },
  'part:jsonb': { real: { type: 'text', text: 'hi' }, none: null },
  'content:jsonb': { real: [{ type: 'image_url' }, 'hi'], none: null },
  'p_transcript:text': { real: 'Agent: hello', none: null },
  'p_analysis:jsonb': { real: { summary: 'Keen' }, none: null },
  'p_text:text': { real: 'plumbing work', none: null },
  'word:text': { real: 'plumb', none: null },
  // The attention queue (issue 18) and its pure helpers.
  'p_status:text': { real: 'escalated', none: null },
};

/**
 * `data` as if the `none` arguments had been the `real` ones: a function may echo what it was
 * asked (session_activity returns a zero row for each session id given), which is no leak.
 */
function echoedAsReal(fn: Fn, data: unknown): unknown {
  let json = JSON.stringify(data);
  for (const arg of fn.args) {
    const sample = SAMPLES[`${arg.name}:${arg.type}`];
    if (!sample) continue;
    const none = [sample.none].flat();
    const real = [sample.real].flat();
    none.forEach((value, i) => {
      if (typeof value === 'string')
        json = json.replaceAll(JSON.stringify(value), JSON.stringify(real[i]));
    });
  }
  return JSON.parse(json);
}

/** Any value of a type, for calls that must be refused whatever the arguments. */
const PLACEHOLDERS: Record<string, unknown> = {
  text: 'x',
  'text[]': ['x'],
  integer: 1,
  bigint: 1,
  numeric: 1,
  boolean: true,
  jsonb: {},
  json: {},
};

/**
 * Arguments for a call: the sample values where there are some; for the others, a placeholder
 * (`anyValue`, when only a refusal is expected) or else a failure naming what to add.
 */
function sampleArgs(fn: Fn, which: 'real' | 'none', { anyValue = false } = {}) {
  const args: Record<string, unknown> = {};
  for (const arg of fn.args) {
    const sample = SAMPLES[`${arg.name}:${arg.type}`];
    if (sample) args[arg.name] = sample[which];
    else if (anyValue) args[arg.name] = PLACEHOLDERS[arg.type] ?? null;
    else if (arg.required)
      throw new Error(
        `Add a sample value for ${fn.name}(${arg.name} ${arg.type}) to SAMPLES in this file`,
      );
  }
  return args;
}

describe('a user who signed up but is not staff (DESIGN §6)', () => {
  let stranger: SupabaseClient;
  let staff: SupabaseClient;
  beforeAll(async () => {
    stranger = (await strangerClient()).client as unknown as SupabaseClient;
    staff = await signedInClient(DEMO_STAFF[1]!.email);
  });

  it('gets from every function what staff get for data that does not exist', async () => {
    const callable = functions.filter((fn) => fn.authenticatedMayCall);
    expect(callable.length).toBeGreaterThan(5);
    for (const fn of callable) {
      const real = sampleArgs(fn, 'real');
      const asStranger = await stranger.rpc(fn.name, real);
      expect({ fn: fn.name, error: asStranger.error }).toEqual({ fn: fn.name, error: null });
      const asStaff = await staff.rpc(fn.name, real);
      expect({ fn: fn.name, error: asStaff.error }).toEqual({ fn: fn.name, error: null });

      if (fn.name === 'is_staff') {
        expect([asStranger.data, asStaff.data]).toEqual([false, true]);
      } else if (fn.name === 'is_manager') {
        // staff here is ops: a manager's own answer is the one that differs
        const manager = await signedInClient(DEMO_STAFF[2]!.email);
        const asManager = await manager.rpc(fn.name, real);
        expect([asStranger.data, asStaff.data, asManager.data]).toEqual([false, false, true]);
      } else if (fn.volatility === 'i') {
        // Computed from the arguments alone: the same for everyone, and no data involved.
        expect({ fn: fn.name, data: asStranger.data }).toEqual({ fn: fn.name, data: asStaff.data });
      } else {
        const nothing = await staff.rpc(fn.name, sampleArgs(fn, 'none'));
        expect({ fn: fn.name, data: asStranger.data }).toEqual({
          fn: fn.name,
          data: echoedAsReal(fn, nothing.data),
        });
        // The real arguments do find data, so an empty answer above means something.
        expect({ fn: fn.name, same: asStaff.data }).not.toEqual({
          fn: fn.name,
          same: nothing.data,
        });
      }
    }
  });

  it('reads no row of any table or view', async () => {
    const seen: Record<string, unknown[]> = {};
    for (const { name } of relations) {
      const { data, error } = await stranger.from(name).select('*').limit(5);
      // No privilege (an error) or no row passes the policies: either way, nothing.
      seen[name] = error ? [] : (data ?? []);
    }
    expect(seen).toEqual(Object.fromEntries(relations.map((r) => [r.name, []])));
  });

  it('writes to no table or view: inserts, updates and deletes change nothing', async () => {
    const before = await rowCounts();
    for (const { name, columns } of relations) {
      const column = columns[0]!;
      const insert = await stranger.from(name).insert({ [column]: null });
      expect({ name, insertRefused: insert.error !== null }).toEqual({ name, insertRefused: true });
      const update = await stranger
        .from(name)
        .update({ [column]: null })
        .not(column, 'is', null)
        .select();
      expect({ name, updated: update.data ?? [] }).toEqual({ name, updated: [] });
      const del = await stranger.from(name).delete().not(column, 'is', null).select();
      expect({ name, deleted: del.data ?? [] }).toEqual({ name, deleted: [] });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('is refused by the functions again on the very next request after removal from staff', async () => {
    const { client, email } = await strangerClient();
    const setStaff = (member: boolean) =>
      withDb((db) =>
        member
          ? db.query(
              `insert into public.staff_members (user_id, email, role)
               select id, email, 'manager' from auth.users where email = $1`,
              [email],
            )
          : db.query('delete from public.staff_members where email = $1', [email]),
      );
    const stats = () => client.rpc('campaign_stats', { p_campaign: DEMO_EXAMPLES.campaign });
    expect((await stats()).data).toEqual([]);
    await setStaff(true);
    expect((await stats()).data).toHaveLength(1);
    await setStaff(false);
    expect((await stats()).data).toEqual([]);
  });
});

describe('realtime on every published table (DESIGN §6)', () => {
  const clients: SupabaseClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
  });

  it('delivers inserts, updates and deletes to staff, and nothing to anon or a non-staff user', async () => {
    const staff = await signedInClient(DEMO_STAFF[0]!.email);
    const anon = newClient();
    const stranger = (await strangerClient()).client;
    clients.push(staff, anon, stranger);
    const who = { staff, anon, stranger };
    const subs = Object.fromEntries(
      Object.entries(who).map(([name, client]) => [
        name,
        published.map((table) => subscribe(client, { event: '*', table })),
      ]),
    );
    await Promise.all(Object.values(subs).flatMap((list) => list.map((s) => s.joined)));

    const session = `sec_rt_${randomUUID().slice(0, 8)}`;
    await withDb(async (db) => {
      await db.query(
        `insert into public.sessions (session_id, phone_number, campaign, status)
         values ($1, '+447700900999', 'Security', 'active')`,
        [session],
      );
      await db.query(
        `insert into public.chat_history (session_id, message) values ($1, '{"type": "human", "content": "secret"}')`,
        [session],
      );
      await db.query(
        `insert into public.calls (call_id, session_id, status, transcript) values ($1, $1, 'completed', 'secret')`,
        [session],
      );
      await db.query(
        `insert into public.numbers (phone_number, session_id) values ('+447700900999', $1)`,
        [session],
      );
      await db.query(`update public.sessions set status = 'completed' where session_id = $1`, [
        session,
      ]);
      await db.query('delete from public.numbers where session_id = $1', [session]);
      await db.query('delete from public.calls where call_id = $1', [session]);
      await db.query('delete from public.chat_history where session_id = $1', [session]);
      await db.query('delete from public.sessions where session_id = $1', [session]);
      // the app's own live table: who has an attention entry
      await db.query('insert into public.attention_claims (session_id) values ($1)', [session]);
      await db.query(
        'update public.attention_claims set resolved_at = now() where session_id = $1',
        [session],
      );
      await db.query('delete from public.attention_claims where session_id = $1', [session]);
      await db.query('delete from public.attention_events where session_id = $1', [session]);
      // and the campaigns' attention rules (keyed by campaign: the test's session id stands in)
      await db.query('insert into public.attention_rules (campaign) values ($1)', [session]);
      await db.query('delete from public.attention_rules where campaign = $1', [session]);
    });
    const staffSaw = (i: number) => subs.staff![i]!.events;
    await waitFor(
      () =>
        published.every(
          (_, i) =>
            staffSaw(i).some((e) => (e.new.session_id ?? e.new.campaign) === session) &&
            staffSaw(i).some((e) => e.eventType === 'DELETE'),
        ),
      'staff deliveries on every table',
    );
    await pause(300); // anything wrongly delivered would have arrived by now
    for (const name of ['anon', 'stranger'])
      expect({ name, events: subs[name]!.flatMap((s) => s.events) }).toEqual({ name, events: [] });
  });
});
