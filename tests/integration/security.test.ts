import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../stack/demo';
import { belongsToProject, migrate, migrationPart } from '../../stack/migrate';
import {
  ALL_TABLES,
  newClient,
  signedInClient,
  stackInfo,
  strangerClient,
  withDb,
} from '../support/clients';

const run = promisify(execFile);
const [recruiter, ops] = DEMO_STAFF;

describe('row-level security (DESIGN §6)', () => {
  it.each(ALL_TABLES)('anon reads, inserts and deletes nothing in %s', async (table) => {
    const anon = newClient();
    const read = await anon.from(table).select('*').limit(5);
    expect(read.data ?? []).toEqual([]);
    const insert = await anon
      .from(table)
      .insert({} as never)
      .select();
    expect(insert.error).not.toBeNull();
    const del = await anon
      .from(table)
      .delete()
      .not(table === 'sessions' || table === 'calls' ? 'status' : 'created_at', 'is', null)
      .select();
    expect(del.data ?? []).toEqual([]);
  });

  it('a user who signed up but is not staff reads no row of any table', async () => {
    const { client } = await strangerClient();
    for (const table of ALL_TABLES) {
      const { data, error } = await client.from(table).select('*').limit(5);
      expect({ table, rows: data ?? [] }).toEqual({ table, rows: [] });
      expect(error).toBeNull();
    }
  });

  it('demo staff read every table, and counts match the database', async () => {
    const staff = await signedInClient(recruiter!.email);
    for (const table of ALL_TABLES) {
      const { count, error } = await staff.from(table).select('*', { count: 'exact', head: true });
      expect(error).toBeNull();
      const sql = await withDb((db) =>
        db.query<{ n: string }>(`select count(*) as n from public.${table}`),
      );
      expect({ table, count }).toEqual({ table, count: Number(sql.rows[0]!.n) });
      expect(count).toBeGreaterThan(0);
    }
  });

  it('staff add notes; only the author edits or deletes one', async () => {
    const author = await signedInClient(recruiter!.email);
    const other = await signedInClient(ops!.email);
    const { data: candidate } = await author.from('candidates').select('id').limit(1).single();
    const created = await author
      .from('candidate_notes')
      .insert({ candidate_id: candidate!.id, body: 'Called back, keen.' })
      .select()
      .single();
    expect(created.error).toBeNull();
    expect(created.data!.author_email).toBe(recruiter!.email);
    const id = created.data!.id as number;

    const foreignEdit = await other
      .from('candidate_notes')
      .update({ body: 'hijacked' })
      .eq('id', id)
      .select();
    expect(foreignEdit.data).toEqual([]);
    const foreignDelete = await other.from('candidate_notes').delete().eq('id', id).select();
    expect(foreignDelete.data).toEqual([]);
    const forged = await other.from('candidate_notes').insert({
      candidate_id: candidate!.id,
      body: 'as someone else',
      author_id: created.data!.author_id,
    });
    expect(forged.error).not.toBeNull();

    const ownEdit = await author
      .from('candidate_notes')
      .update({ body: 'Called back, very keen.' })
      .eq('id', id)
      .select()
      .single();
    expect(ownEdit.data!.body).toBe('Called back, very keen.');
    const stillThere = await other.from('candidate_notes').select('body').eq('id', id).single();
    expect(stillThere.data!.body).toBe('Called back, very keen.');
    const ownDelete = await author.from('candidate_notes').delete().eq('id', id).select();
    expect(ownDelete.data).toHaveLength(1);
  });

  it('removing a member with `npm run staff -- remove` stops their reads on the next request', async () => {
    const { client, email } = await strangerClient();
    const env = { ...process.env, APP_DATABASE_URL: stackInfo().dbUrl };
    const staffCli = (...args: string[]) =>
      run('npx', ['tsx', 'scripts/staff.ts', ...args], { env });

    await staffCli('add', email, 'ops');
    const before = await client.from('sessions').select('session_id').limit(1);
    expect(before.data).toHaveLength(1);

    const removed = await staffCli('remove', email);
    expect(removed.stdout).toContain('removed');
    const after = await client.from('sessions').select('session_id').limit(1);
    expect(after.data).toEqual([]);
  });

  it('the staff CLI explains an unknown email or role', async () => {
    const env = { ...process.env, APP_DATABASE_URL: stackInfo().dbUrl };
    const fail = (args: string[]) =>
      run('npx', ['tsx', 'scripts/staff.ts', ...args], { env }).then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      );
    expect(await fail(['add', 'nobody@example.com', 'ops'])).toContain(
      'No user with email nobody@example.com',
    );
    expect(await fail(['add', recruiter!.email, 'overlord'])).toContain('Unknown role "overlord"');
  });
});

describe('privileges: what the API roles may do at all (issue 16)', () => {
  it('authenticated may only read the agent tables and rollups, and write notes as allowed', async () => {
    const rows = await withDb(
      async (db) =>
        (
          await db.query<{ table: string; privilege: string }>(
            `select c.relname as table, p.privilege
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
             cross join unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) as p(privilege)
             where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')
               and has_table_privilege('authenticated', c.oid, p.privilege)
             order by 1, 2`,
          )
        ).rows,
    );
    const granted = new Map<string, string[]>();
    for (const { table, privilege } of rows)
      granted.set(table, [...(granted.get(table) ?? []), privilege]);
    // Everything but the notes and the attention rules (a manager removes a rule) is read-only;
    // inserts and updates go by column grants (checked below and in attention-rules.test.ts).
    const deletable = ['candidate_notes', 'attention_rules'];
    for (const [table, privileges] of granted)
      expect({ table, privileges }).toEqual({
        table,
        privileges: deletable.includes(table) ? ['DELETE', 'SELECT'] : ['SELECT'],
      });
    expect([...granted.keys()]).toEqual(expect.arrayContaining([...ALL_TABLES]));
  });

  it('a note is inserted by candidate and body only: the API refuses a chosen id or date', async () => {
    const author = await signedInClient(DEMO_STAFF[0]!.email);
    const { data: candidate } = await author.from('candidates').select('id').limit(1).single();
    for (const extra of [{ id: 999_999_999 }, { created_at: '2001-01-01T00:00:00Z' }]) {
      const { error } = await author
        .from('candidate_notes')
        .insert({ candidate_id: candidate!.id, body: 'chosen', ...extra });
      expect(error?.code).toBe('42501');
    }
    const { data, error } = await author
      .from('candidate_notes')
      .insert({ candidate_id: candidate!.id, body: 'privileges test note' })
      .select('id')
      .single();
    expect(error).toBeNull();
    await author.from('candidate_notes').delete().eq('id', data!.id);
  });
});

describe('row estimates (issue 16)', () => {
  it("strangers and anon get no planner estimates; staff do; an exact count shows only what's visible", async () => {
    const { client: stranger } = await strangerClient();
    const staff = await signedInClient(DEMO_STAFF[0]!.email);
    for (const count of ['planned', 'estimated'] as const) {
      for (const [who, client] of [
        ['stranger', stranger],
        ['anon', newClient()],
      ] as const) {
        // A GET, not HEAD: a HEAD answer has no body to carry the error's code.
        const { error, count: n } = await client
          .from('sessions')
          .select('session_id', { count })
          .limit(1);
        expect({ who, count, n, code: error?.code }).toEqual({
          who,
          count,
          n: null,
          code: '42501',
        });
      }
      const asStaff = await staff.from('sessions').select('session_id', { count }).limit(1);
      expect(asStaff.error).toBeNull();
      expect(asStaff.count).toBeGreaterThan(0);
    }
    const exact = await stranger
      .from('sessions')
      .select('session_id', { count: 'exact', head: true });
    expect(exact.count).toBe(0);
  });
});

describe('the two-project layout (DESIGN §1)', () => {
  // A backend project holds no staff_members: its policies trust the staff_role claim that the app
  // project's auth put in the shared-secret JWT. Checked the way PostgREST runs a request.
  it('backend policies accept a token with a staff_role claim and refuse one without', async () => {
    const name = `backend_only_${Date.now()}`;
    await withDb((db) => db.query(`create database ${name}`));
    try {
      const url = stackInfo().dbUrl.replace(/\/postgres$/, `/${name}`);
      await withDb(async (db) => {
        // Only what a backend project gets (plus the local platform a hosted project already has).
        await migrate(db, (m) => migrationPart(m) === 'local' || belongsToProject(m, 'backend'));
        expect(
          (await db.query("select to_regclass('public.staff_members') as t")).rows[0].t,
        ).toBeNull();
        await db.query(
          "insert into public.sessions (session_id, phone_number, status) values ('s1', '+447700900001', 'active')",
        );

        const countAs = async (claims: object) => {
          await db.query('begin');
          await db.query('set local role authenticated');
          await db.query("select set_config('request.jwt.claims', $1, true)", [
            JSON.stringify(claims),
          ]);
          const { rows } = await db.query<{ n: string }>(
            'select count(*) as n from public.sessions',
          );
          await db.query('rollback');
          return Number(rows[0]!.n);
        };
        const sub = '00000000-0000-4000-8000-000000000001';
        expect(
          await countAs({ sub, role: 'authenticated', app_metadata: { staff_role: 'ops' } }),
        ).toBe(1);
        expect(await countAs({ sub, role: 'authenticated', app_metadata: {} })).toBe(0);
        expect(
          await countAs({ sub, role: 'authenticated', app_metadata: { staff_role: 'intruder' } }),
        ).toBe(0);
      }, url);
    } finally {
      await withDb((db) => db.query(`drop database ${name} with (force)`));
    }
  });
});
