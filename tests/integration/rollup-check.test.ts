import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../stack/demo/random';
import { withDb } from '../support/clients';

// rollup_check() and rollup_repair() (…_backend_rollup_check.sql): every derived row that differs
// from a recount of the agent's tables is listed, by rollup and key, and a repair leaves none. The
// corruptions are generated (seeded): each kind a trigger failure or a stray write could leave.

const PREFIX = 'rcheck_';
const CAMPAIGN = 'Rollup Check Campaign';
const SESSIONS = Array.from({ length: 6 }, (_, i) => `${PREFIX}${i + 1}`);

interface Drift {
  rollup: string;
  key: string;
  stored: Record<string, unknown> | null;
  recounted: Record<string, unknown> | null;
}

/** This test's part of what rollup_check finds (other tests' rows are theirs). */
async function check(db: pg.Client, fn = 'rollup_check'): Promise<Drift[]> {
  const { rows } = await db.query<Drift>(`select * from public.${fn}()`);
  return rows.filter(
    (d) =>
      d.key.startsWith(PREFIX) ||
      d.key.startsWith(CAMPAIGN) ||
      [d.stored, d.recounted].some((row) => String(row?.session_id ?? '').startsWith(PREFIX)),
  );
}

const human = (content: string) => JSON.stringify({ type: 'human', content });
const ai = (content: string) => JSON.stringify({ type: 'ai', content });

beforeAll(() =>
  withDb(async (db) => {
    await db.query(
      `insert into sessions (session_id, phone_number, campaign, status, objectives)
       select s, '+4477009' || lpad(i::text, 5, '0'), $2, (array['active','waiting'])[1 + i % 2],
         '{"replied": true, "cv": false}'
       from unnest($1::text[]) with ordinality as t(s, i)`,
      [SESSIONS, CAMPAIGN],
    );
    await db.query(
      `insert into chat_history (session_id, message)
       select s, case when i % 2 = 0 then $2::jsonb else $3::jsonb end
       from unnest($1::text[]) s, generate_series(1, 4) i`,
      [SESSIONS, human('a forklift licence'), ai('thanks')],
    );
    await db.query(
      `insert into calls (call_id, session_id, called_at, duration, status, transcript)
       select s || '_call', s, now(), 60, 'completed', 'Agent: hello' from unnest($1::text[]) s`,
      [SESSIONS],
    );
  }),
);

afterAll(() =>
  withDb(async (db) => {
    await db.query('delete from chat_history where session_id like $1', [`${PREFIX}%`]);
    await db.query('delete from calls where session_id like $1', [`${PREFIX}%`]);
    await db.query('delete from sessions where session_id like $1', [`${PREFIX}%`]);
  }),
);

/** The corruptions: each changes one derived row and says which rollup and key must be listed. */
const CORRUPTIONS: ((db: pg.Client, session: string) => Promise<[string, string]>)[] = [
  async (db, s) => {
    await db.query(
      'update session_activity_rollup set messages_in = messages_in + 1 where session_id = $1',
      [s],
    );
    return ['session_activity_rollup', s];
  },
  async (db, s) => {
    await db.query('delete from session_activity_rollup where session_id = $1', [s]);
    return ['session_activity_rollup', s];
  },
  async (db, s) => {
    await db.query(
      `insert into session_activity_rollup (session_id, message_count) values ($1 || '_ghost', 3) on conflict do nothing`,
      [s],
    );
    return ['session_activity_rollup', `${s}_ghost`];
  },
  async (db, s) => {
    await db.query('update session_activity_rollup set status = $2 where session_id = $1', [
      s,
      'completed',
    ]);
    return ['session_activity_rollup', s];
  },
  async (db) => {
    await db.query(
      'update campaign_activity_rollup set total_messages = total_messages - 2 where campaign = $1',
      [CAMPAIGN],
    );
    return ['campaign_activity_rollup', CAMPAIGN];
  },
  async (db) => {
    await db.query(
      `update campaign_objective_rollup set achieved = achieved + 1 where campaign = $1 and key = 'cv'`,
      [CAMPAIGN],
    );
    return ['campaign_objective_rollup', `${CAMPAIGN} / cv`];
  },
  async (db) => {
    await db.query(
      `update session_status_rollup set sessions = sessions + 5 where campaign = $1 and status = 'waiting'`,
      [CAMPAIGN],
    );
    return ['session_status_rollup', `${CAMPAIGN} / waiting`];
  },
  async (db, s) => {
    const { rows } = await db.query<{ id: string }>(
      'select min(id)::text as id from chat_history where session_id = $1',
      [s],
    );
    await db.query(`delete from search_documents where kind = 'message' and source_id = $1`, [
      rows[0]!.id,
    ]);
    return ['search_documents', `message ${rows[0]!.id}`];
  },
  async (db, s) => {
    await db.query(
      `update search_documents set document = to_tsvector('simple', 'tampered')
       where kind = 'call' and source_id = $1 || '_call'`,
      [s],
    );
    return ['search_documents', `call ${s}_call`];
  },
];

describe('rollup_check', () => {
  it('finds no drift after the agent’s writes', async () => {
    await withDb(async (db) => {
      await db.query(`update sessions set status = 'completed' where session_id = $1`, [
        SESSIONS[0],
      ]);
      await db.query(
        `delete from chat_history where id in (select min(id) from chat_history where session_id = $1)`,
        [SESSIONS[1]],
      );
      expect(await check(db)).toEqual([]);
    });
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`lists each generated corruption by rollup and key, and a repair leaves none (seed ${seed})`, async () => {
      const rng = createRng(seed);
      await withDb(async (db) => {
        const expected = new Set<string>();
        for (let i = 0, n = rng.int(1, 4); i < n; i++) {
          const corrupt = rng.pick(CORRUPTIONS);
          const [rollup, key] = await corrupt(db, rng.pick(SESSIONS));
          expected.add(`${rollup}: ${key}`);
        }
        const found = await check(db);
        // only the corrupted keys: the campaign rows follow a corrupted session row (by their
        // trigger), so they agree with the rows they sum
        expect(new Set(found.map((d) => `${d.rollup}: ${d.key}`))).toEqual(expected);
        const repaired = await check(db, 'rollup_repair');
        expect(repaired.map((d) => `${d.rollup}: ${d.key}`).sort()).toEqual(
          found.map((d) => `${d.rollup}: ${d.key}`).sort(),
        );
        expect(await check(db)).toEqual([]);
      });
    });
  }

  it('is the service role’s only', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query(
        `select r.rolname as role, f.fn,
           has_function_privilege(r.rolname, 'public.' || f.fn || '()', 'execute') as may
         from (values ('anon'), ('authenticated'), ('service_role')) r(rolname),
              (values ('rollup_check'), ('rollup_repair')) f(fn)
         order by 1, 2`,
      );
      expect(rows.map((r) => `${r.role} ${r.fn} ${r.may}`)).toEqual([
        'anon rollup_check false',
        'anon rollup_repair false',
        'authenticated rollup_check false',
        'authenticated rollup_repair false',
        'service_role rollup_check true',
        'service_role rollup_repair true',
      ]);
    });
  });
});
