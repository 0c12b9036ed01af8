import { afterAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { createAppApi } from '../../src/lib/app-queries';
import { APP_TABLES, BACKEND_TABLES } from '../support/clients';
import { pause, subscribe, waitFor } from '../support/realtime';
import {
  appProjectClient,
  backendClientFor,
  projects,
  signedInAppClient,
  sqlIn,
  strangerAppClient,
} from './support';

// DESIGN §1 and §6 on the two-project layout: each project holds only its own tables; staff
// signed in to the app project read the backend with that token; nobody else reads anything.

const publicTables = async (project: 'app' | 'backend') =>
  (
    await sqlIn<{ name: string }>(
      project,
      `select table_name as name from information_schema.tables where table_schema = 'public'`,
    )
  ).map((r) => r.name);

describe('each project holds only its own tables', () => {
  it('the app project has none of the agent tables, the backend none of the app tables', async () => {
    const app = await publicTables('app');
    const backend = await publicTables('backend');
    expect(app).toEqual(expect.arrayContaining([...APP_TABLES]));
    expect(backend).toEqual(expect.arrayContaining([...BACKEND_TABLES]));
    for (const table of BACKEND_TABLES) expect(app).not.toContain(table);
    for (const table of APP_TABLES) expect(backend).not.toContain(table);
    // Rollups and read models are the backend's; the staff check and phone key are in both.
    expect(app.some((t) => t.endsWith('_rollup'))).toBe(false);
    for (const project of ['app', 'backend'] as const) {
      const [row] = await sqlIn<{ staff: boolean; key: string }>(
        project,
        `select to_regprocedure('public.is_staff()') is not null as staff, public.phone_key('07853 723604') as key`,
      );
      expect(row).toEqual({ staff: true, key: '+447853723604' });
    }
  });

  it("each project's demo data is its own, and they meet by phone number", async () => {
    const [candidate] = await sqlIn<{ full_name: string }>(
      'app',
      'select full_name from candidates where phone_key = phone_key($1)',
      [DEMO_EXAMPLES.phone],
    );
    const [session] = await sqlIn<{ n: string }>(
      'backend',
      'select count(*) as n from sessions where phone_key(phone_number) = phone_key($1)',
      [DEMO_EXAMPLES.phone],
    );
    expect(candidate?.full_name).toBeTruthy();
    expect(Number(session!.n)).toBeGreaterThan(0);
  });
});

describe('who reads what', () => {
  const clients: { removeAllChannels(): Promise<unknown> }[] = [];
  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
  });

  it('staff signed in to the app project read both projects', async () => {
    const staff = await signedInAppClient(DEMO_STAFF[1]!.email);
    const backend = await backendClientFor(staff);
    const sessions = await backend.from('sessions').select('session_id').limit(5);
    expect(sessions.error).toBeNull();
    expect(sessions.data!.length).toBe(5);
    const candidates = await staff.from('candidates').select('id').limit(5);
    expect(candidates.data!.length).toBe(5);
  });

  it('the anon key and a signed-up stranger read nothing from either project', async () => {
    const stranger = await strangerAppClient();
    const readers = {
      anon: { app: appProjectClient(), backend: await backendClientFor(null) },
      stranger: { app: stranger, backend: await backendClientFor(stranger) },
    };
    for (const [who, { app, backend }] of Object.entries(readers)) {
      for (const [client, tables] of [
        [app, APP_TABLES],
        [backend, BACKEND_TABLES],
      ] as const) {
        for (const table of tables) {
          const { data, error } = await client.from(table).select('*').limit(1);
          expect({ who, table, rows: data?.length ?? 0 }).toEqual({ who, table, rows: 0 });
          if (who === 'anon') expect(error?.code, `${who} ${table}`).toBe('42501');
        }
      }
      // The read models too: refused to anon, empty for a stranger.
      const summary = await backend.rpc('candidate_summary', { p_phones: [DEMO_EXAMPLES.phone] });
      if (who === 'anon') expect(summary.error?.code).toBe('42501');
      else
        expect(summary.data).toMatchObject({
          session_ids: [],
          sessions: [],
          calls: [],
          message_count: 0,
        });
    }
  });

  it("realtime on the backend delivers the agent's writes to staff only", async () => {
    const staff = await signedInAppClient(DEMO_STAFF[0]!.email);
    const stranger = await strangerAppClient();
    const listeners = await Promise.all([
      backendClientFor(staff),
      backendClientFor(stranger),
      backendClientFor(null),
    ]);
    clients.push(...listeners);
    const [toStaff, toStranger, toAnon] = listeners.map((c) =>
      subscribe(c, { event: 'INSERT', table: 'chat_history' }),
    );
    await Promise.all([toStaff!.joined, toStranger!.joined, toAnon!.joined]);

    const text = `two-projects ${Date.now()}`;
    await sqlIn(
      'backend',
      `insert into chat_history (session_id, message) values ($1, jsonb_build_object('type', 'ai', 'content', $2::text))`,
      [DEMO_EXAMPLES.sessionId, text],
    );
    await waitFor(
      () => toStaff!.events.find((e) => JSON.stringify(e.new).includes(text)),
      'the message delivered to staff',
    );
    await pause(500);
    expect(toStranger!.events).toHaveLength(0);
    expect(toAnon!.events).toHaveLength(0);
  });

  it("realtime on the app project delivers a colleague's claim to staff only", async () => {
    const [ops, manager, stranger] = await Promise.all([
      signedInAppClient(DEMO_STAFF[1]!.email),
      signedInAppClient(DEMO_STAFF[2]!.email),
      strangerAppClient(),
    ]);
    clients.push(ops, manager, stranger);
    // Realtime takes the signed-in token once supabase-js hands it over.
    await Promise.all([ops.realtime.setAuth(), stranger.realtime.setAuth()]);
    const [toOps, toStranger] = [ops, stranger].map((c) =>
      subscribe(c, { event: '*', table: 'attention_claims' }),
    );
    await Promise.all([toOps!.joined, toStranger!.joined]);

    const session = `two_projects_claim_${Date.now()}`;
    try {
      const { data: me } = await manager.auth.getUser();
      const result = await createAppApi(manager).changeAttentionClaim(session, null, {
        kind: 'assign',
        ownerId: me.user!.id,
      });
      expect(result.ok).toBe(true);
      const seen = await waitFor(
        () => toOps!.events.find((e) => e.new.session_id === session),
        "the manager's claim delivered to a colleague",
      );
      expect(seen.new).toMatchObject({ owner_email: DEMO_STAFF[2]!.email });
      await pause(500);
      expect(toStranger!.events).toHaveLength(0);
    } finally {
      await sqlIn('app', 'delete from attention_claims where session_id = $1', [session]);
      await sqlIn('app', 'delete from attention_events where session_id = $1', [session]);
    }
  });

  it("the backend refuses a token signed with another project's secret (401)", async () => {
    const secret = new TextEncoder().encode('another-project-jwt-secret-of-at-least-32-characters');
    const forged = await new SignJWT({
      role: 'authenticated',
      sub: '00000000-0000-4000-8000-00000000d001',
      app_metadata: { staff_role: 'admin' },
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(secret);
    const res = await fetch(`${projects().backend.apiUrl}/rest/v1/sessions?select=session_id`, {
      headers: { apikey: projects().anonKey, Authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(401);
  });
});
