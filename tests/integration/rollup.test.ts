import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withDb } from '../support/clients';

// The rollups of …_backend_baseline.sql: the rollups that the triggers keep must equal the
// rollups rebuilt from scratch, after any write the agent may make, and a failing rollup must
// never fail the agent's write. The status counts equal a count over the sessions, before and
// after a rebuild.

const ROLLUPS = [
  'session_activity_rollup',
  'campaign_activity_rollup',
  'campaign_objective_rollup',
] as const;
const CAMPAIGN = 'Rollup Test Campaign';
const OTHER = 'Rollup Test Other';

/** Rows of session_status_rollup that differ from a count over the sessions. */
async function statusDrift(db: pg.Client): Promise<unknown[]> {
  const direct = 'select campaign, lower(status), count(*) from public.sessions group by 1, 2';
  const kept = 'select campaign, status, sessions from public.session_status_rollup';
  const { rows } = await db.query(
    `(select 'kept' as side, * from (${kept} except ${direct}) k)
     union all
     (select 'direct', * from (${direct} except ${kept}) d)`,
  );
  return rows;
}

/** Rows that differ between each rollup as the triggers left it and as a rebuild makes it. */
async function driftFromRebuild(db: pg.Client): Promise<Record<string, unknown[]>> {
  await db.query('begin');
  try {
    const drift: Record<string, unknown[]> = { session_status_rollup: await statusDrift(db) };
    for (const t of ROLLUPS)
      await db.query(`create temp table kept_${t} on commit drop as select * from public.${t}`);
    await db.query('select public.rebuild_session_activity_rollup()');
    drift['session_status_rollup after a rebuild'] = await statusDrift(db);
    for (const t of ROLLUPS) {
      const { rows } = await db.query(
        `(select 'kept' as side, * from kept_${t} except select 'kept', * from public.${t})
         union all
         (select 'rebuilt', * from public.${t} except select 'rebuilt', * from kept_${t})`,
      );
      drift[t] = rows;
    }
    return drift;
  } finally {
    await db.query('rollback');
  }
}

const noDrift = Object.fromEntries(
  [...ROLLUPS, 'session_status_rollup', 'session_status_rollup after a rebuild'].map((t) => [
    t,
    [],
  ]),
);

/** The counts straight from the agent's tables, as the read models counted before the rollup. */
async function directCounts(db: pg.Client, sessionId: string) {
  const { rows } = await db.query(
    `select
       (select count(*) from chat_history h where h.session_id = $1 and public.message_sender(h.message) = 'user')::int as messages_in,
       (select count(*) from chat_history h where h.session_id = $1 and public.message_sender(h.message) = 'agent')::int as messages_out,
       (select count(*) from chat_history h where h.session_id = $1)::int as message_count,
       (select count(*) from calls k where k.session_id = $1)::int as call_count,
       (select coalesce(sum(duration), 0) from calls k where k.session_id = $1)::int as call_seconds`,
    [sessionId],
  );
  return rows[0];
}

async function rollupCounts(db: pg.Client, sessionId: string) {
  const { rows } = await db.query(
    `select messages_in::int, messages_out::int, message_count::int, call_count::int, call_seconds::int
     from public.session_activity_rollup where session_id = $1`,
    [sessionId],
  );
  return rows[0];
}

const human = (text: string) => JSON.stringify({ type: 'human', content: text });
const ai = (text: string) => JSON.stringify({ type: 'ai', content: text });

describe('session_activity_rollup', () => {
  it('equals a rebuild from scratch after inserts, updates and deletes of the agent’s tables', async () => {
    await withDb(async (db) => {
      const ids = ['rollup_t1', 'rollup_t2', 'rollup_t3', 'rollup_orphan'];
      try {
        expect(await driftFromRebuild(db)).toEqual(noDrift);

        // sessions, several in one statement, with both forms of objectives
        await db.query(
          `insert into sessions (session_id, phone_number, campaign, status, objectives) values
             ('rollup_t1', '+447700900001', $1, 'active', '{"replied": true, "interested": "no"}'),
             ('rollup_t2', '+447700900002', $1, 'waiting', '["replied", {"key": "cv", "achieved": true}]'),
             ('rollup_t3', '+447700900003', $2, 'Active', '{}')`,
          [CAMPAIGN, OTHER],
        );
        // messages: many rows and sessions in one statement, and one for a session not yet created
        await db.query(
          `insert into chat_history (session_id, message, created_at)
           select 'rollup_t' || (1 + i % 3), case when i % 2 = 0 then $1::jsonb else $2::jsonb end,
             now() - i * interval '1 minute'
           from generate_series(1, 30) i`,
          [human('hi'), ai('hello')],
        );
        await db.query(
          `insert into chat_history (session_id, message) values ('rollup_orphan', $1)`,
          [human('first')],
        );
        // calls
        await db.query(
          `insert into calls (call_id, session_id, called_at, duration, status) values
             ('rollup_c1', 'rollup_t1', now(), 60, 'completed'),
             ('rollup_c2', 'rollup_t1', now(), null, 'no-answer'),
             ('rollup_c3', 'rollup_t2', now(), 30, 'Completed')`,
        );
        expect(await driftFromRebuild(db)).toEqual(noDrift);
        expect(await rollupCounts(db, 'rollup_t1')).toEqual(await directCounts(db, 'rollup_t1'));

        // updates: a message's sender, a message moved between sessions, a call moved, a session
        // moved to another campaign with other objectives and status
        await db.query(
          `update chat_history set message = $1 where id = (select min(id) from chat_history where session_id = 'rollup_t1')`,
          [ai('now from the agent')],
        );
        await db.query(
          `update chat_history set session_id = 'rollup_t3' where id in (select id from chat_history where session_id = 'rollup_t2' limit 3)`,
        );
        await db.query(
          `update calls set session_id = 'rollup_t3', duration = 90 where call_id = 'rollup_c3'`,
        );
        await db.query(
          `update sessions set campaign = $1, status = 'completed', objectives = '{"cv": "yes"}', updated_at = now() where session_id = 'rollup_t3'`,
          [CAMPAIGN],
        );
        await db.query(
          `update sessions set status = 'opted_out' where session_id in ('rollup_t1', 'rollup_t2')`,
        );
        expect(await driftFromRebuild(db)).toEqual(noDrift);
        for (const id of ['rollup_t1', 'rollup_t2', 'rollup_t3'])
          expect(await rollupCounts(db, id)).toEqual(await directCounts(db, id));

        // the session of the orphan messages arrives later: it joins its campaign
        await db.query(
          `insert into sessions (session_id, campaign, status) values ('rollup_orphan', $1, 'active')`,
          [OTHER],
        );
        expect(await driftFromRebuild(db)).toEqual(noDrift);

        // deletes: some messages, a call, a whole session (its activity stays, without a campaign)
        await db.query(`delete from chat_history where session_id = 'rollup_t1' and id % 2 = 0`);
        await db.query(`delete from calls where call_id = 'rollup_c1'`);
        await db.query(`delete from sessions where session_id = 'rollup_t2'`);
        expect(await driftFromRebuild(db)).toEqual(noDrift);
        expect(await rollupCounts(db, 'rollup_t1')).toEqual(await directCounts(db, 'rollup_t1'));
      } finally {
        await db.query('delete from chat_history where session_id = any ($1)', [ids]);
        await db.query('delete from calls where session_id = any ($1) or call_id like $2', [
          ids,
          'rollup\\_c%',
        ]);
        await db.query('delete from sessions where session_id = any ($1)', [ids]);
      }
      expect(await driftFromRebuild(db)).toEqual(noDrift);
      const { rows } = await db.query(
        'select count(*)::int as n from public.session_activity_rollup where session_id = any ($1)',
        [ids],
      );
      expect(rows[0].n).toBe(0);
    });
  });

  it('a failing rollup logs a warning and the agent’s insert goes through; a rebuild repairs it', async () => {
    await withDb(async (db) => {
      const warnings: string[] = [];
      db.on('notice', (n) => warnings.push(n.message ?? ''));
      // any new rollup row now fails (the constraint checks new rows only)
      await db.query(
        `alter table public.session_activity_rollup add constraint rollup_test_fail check (session_id <> 'rollup_fail') not valid`,
      );
      try {
        await db.query(
          `insert into sessions (session_id, campaign, status) values ('rollup_fail', $1, 'active')`,
          [CAMPAIGN],
        );
        await db.query(
          `insert into chat_history (session_id, message) values ('rollup_fail', $1)`,
          [human('still stored')],
        );
        const stored = await db.query(
          `select count(*)::int as n from chat_history where session_id = 'rollup_fail'`,
        );
        expect(stored.rows[0].n).toBe(1);
        expect(warnings.some((w) => w.includes('rebuild_session_activity_rollup'))).toBe(true);
      } finally {
        await db.query(
          'alter table public.session_activity_rollup drop constraint rollup_test_fail',
        );
      }
      try {
        await db.query('select public.rebuild_session_activity_rollup()');
        expect(await rollupCounts(db, 'rollup_fail')).toEqual(
          await directCounts(db, 'rollup_fail'),
        );
        expect(await driftFromRebuild(db)).toEqual(noDrift);
      } finally {
        await db.query(`delete from chat_history where session_id = 'rollup_fail'`);
        await db.query(`delete from sessions where session_id = 'rollup_fail'`);
      }
    });
  });

  it('is readable by staff only, and only the service role may rebuild it', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query(
        `select
           has_table_privilege('anon', 'public.session_activity_rollup', 'select') as anon_reads,
           has_table_privilege('authenticated', 'public.session_activity_rollup', 'insert') as user_writes,
           has_function_privilege('authenticated', 'public.rebuild_session_activity_rollup()', 'execute') as user_rebuilds,
           has_function_privilege('anon', 'public.rebuild_session_activity_rollup()', 'execute') as anon_rebuilds,
           (select relrowsecurity from pg_class where oid = 'public.session_activity_rollup'::regclass) as rls`,
      );
      expect(rows[0]).toEqual({
        anon_reads: false,
        user_writes: false,
        user_rebuilds: false,
        anon_rebuilds: false,
        rls: true,
      });
    });
  });
});
