// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { createHmac } from 'node:crypto';
import type { GoTrueClient } from '@supabase/auth-js';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { checkMyAccess } from '@/lib/access-api';
import { checkAccess } from '@/lib/access-check';
import { listCandidates } from '@/lib/app-api';
import { getSession, signIn, signOut } from '@/lib/auth-api';
import { getCandidateSummary, watchChanges } from '@/lib/backend-api';
import type { BackendChange } from '@/lib/backend-changes';
import { createLeanClient } from '@/lib/lean-client';
import { appClient } from '@/lib/supabase';
import { appAuth } from '@/lib/supabase-auth';
import { fakeLayout } from '@/test/fake-layout';
import { DEMO_EXAMPLES } from '../../stack/demo';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { freePort } from '../../stack/net';
import { pause } from '../support/realtime';
import { projects, sqlIn } from './support';

// The app's own modules and screens on the two-project layout (DESIGN §1): staff sign in to the
// app project; candidates, notes and the access check go there, the agent's data and realtime to
// the backend project, with the same session's token; removal in the app project ends backend
// access at the next token refresh, and the app says why.

const PLUMBER = DEMO_EXAMPLES.campaign;

// A staff member of this file's own, so removing them disturbs no other test.
const member = { email: `two-projects-${Date.now()}@example.com`, password: 'member-password' };
let memberId = '';

const addStaff = () =>
  sqlIn('app', `insert into staff_members (user_id, email, role) values ($1, $2, 'recruiter')`, [
    memberId,
    member.email,
  ]);
const removeStaff = () => sqlIn('app', 'delete from staff_members where user_id = $1', [memberId]);

async function refreshToken() {
  const { error } = await appAuth.refreshSession();
  if (error) throw error;
  // The session query and the realtime client follow the auth event.
  await pause(200);
}

beforeAll(async () => {
  const { data, error } = await appAuth.signUp(member);
  if (error || !data.user) throw error ?? new Error('no user');
  memberId = data.user.id;
  await addStaff();
  await signIn(member.email, member.password);
});

afterEach(() => cleanup());

afterAll(async () => {
  await signOut();
  await removeStaff();
  await sqlIn('app', 'delete from candidate_notes where author_id = $1', [memberId]);
});

describe("the app's data layer on two projects", () => {
  it('joins candidates from the app project with their activity from the backend project', async () => {
    const candidates = await listCandidates({ search: DEMO_EXAMPLES.phone });
    expect(candidates.rows.map((c) => c.phoneNumber)).toContain(DEMO_EXAMPLES.phone);

    const summary = await getCandidateSummary(DEMO_EXAMPLES.phone);
    const [expected] = await sqlIn<{ ids: string[]; messages: string }>(
      'backend',
      `select array(select session_ids_for_phones(array[$1]) order by 1) as ids,
              (select count(*) from chat_history where session_id in
                 (select session_ids_for_phones(array[$1]))) as messages`,
      [DEMO_EXAMPLES.phone],
    );
    expect([...summary.sessionIds].sort()).toEqual(expected!.ids);
    expect(summary.messageCount).toBe(Number(expected!.messages));
    expect(summary.messageCount).toBeGreaterThan(0);
  });

  it("a member removed in the app project loses the backend's data and realtime at the next refresh", async () => {
    const changes: BackendChange[] = [];
    const statuses: string[] = [];
    const stop = watchChanges({
      onChange: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
    });
    try {
      await waitFor(() => expect(statuses).toContain('SUBSCRIBED'), { timeout: 10_000 });
      const write = async (text: string) => {
        await sqlIn(
          'backend',
          `insert into chat_history (session_id, message) values ($1, jsonb_build_object('type', 'ai', 'content', $2::text))`,
          [DEMO_EXAMPLES.sessionId, text],
        );
        return text;
      };
      const arrived = (text: string) => changes.some((c) => JSON.stringify(c).includes(text));

      const before = await write(`before removal ${Date.now()}`);
      await waitFor(() => expect(arrived(before)).toBe(true), { timeout: 10_000 });
      expect(await checkMyAccess((await getSession())!)).toBeNull();

      await removeStaff();
      await refreshToken();
      const session = (await getSession())!;
      expect(session.staffRoleClaim).toBeNull();
      // The backend sees no staff claim any more: REST returns nothing, realtime delivers nothing.
      expect((await getCandidateSummary(DEMO_EXAMPLES.phone)).sessionIds).toEqual([]);
      const after = await write(`after removal ${Date.now()}`);
      await pause(1500);
      expect(arrived(after)).toBe(false);
      expect(await checkMyAccess(session)).toMatchObject({ kind: 'not-staff' });

      await addStaff();
      await refreshToken();
      expect(await checkMyAccess((await getSession())!)).toBeNull();
      const again = await write(`after re-adding ${Date.now()}`);
      await waitFor(() => expect(arrived(again)).toBe(true), { timeout: 10_000 });
    } finally {
      stop();
      await sqlIn(
        'backend',
        `delete from chat_history where message->>'content' ~ '^(before|after) (removal|re-adding)'`,
      );
    }
  });
});

describe('a wrong setup is named', () => {
  const who = async () => (await getSession())!;
  // The app's own client for a backend at `url`, with the session's token or a given one.
  const backendAt = (url: string, key = projects().anonKey, token?: string) => {
    const auth = token
      ? ({
          getSession: async () => ({ data: { session: { access_token: token } } }),
          onAuthStateChange: () => ({ data: { subscription: { unsubscribe() {} } } }),
        } as unknown as GoTrueClient)
      : appAuth;
    return { url, db: createLeanClient(url, key, auth).db };
  };

  it('a backend URL where nothing answers', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    expect(
      await checkAccess({ app: appClient.db, backend: backendAt(url) }, await who()),
    ).toMatchObject({ kind: 'backend-unreachable', detail: expect.stringContaining(url) });
  });

  it('a backend with another JWT secret (every request 401)', async () => {
    // Signed by hand: jose refuses jsdom's Uint8Array.
    const sign = async (claims: Record<string, unknown>) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
      const signature = createHmac('sha256', 'another-project-jwt-secret-of-at-least-32-characters')
        .update(body)
        .digest('base64url');
      return `${body}.${signature}`;
    };
    // What a backend with its own secret sees: keys and tokens its secret did not sign.
    const key = await sign({ role: 'anon' });
    const token = await sign({
      role: 'authenticated',
      sub: memberId,
      app_metadata: { staff_role: 'recruiter' },
    });
    expect(
      await checkAccess(
        { app: appClient.db, backend: backendAt(projects().backend.apiUrl, key, token) },
        await who(),
      ),
    ).toMatchObject({ kind: 'backend-refuses-token' });
  });

  it("a backend without the dashboard's migrations (here: the app project itself)", async () => {
    expect(
      await checkAccess(
        { app: appClient.db, backend: backendAt(projects().app.apiUrl) },
        await who(),
      ),
    ).toMatchObject({ kind: 'backend-missing-migrations' });
  });

  it('a token without the staff_role claim (the access token hook is off)', async () => {
    expect(
      await checkAccess(
        { app: appClient.db, backend: backendAt(projects().backend.apiUrl) },
        { ...(await who()), staffRoleClaim: null },
      ),
    ).toMatchObject({ kind: 'no-role-claim' });
  });
});

describe('the screens on two projects', () => {
  let restoreLayout: () => void;
  beforeAll(() => {
    restoreLayout = fakeLayout();
  });
  afterAll(() => restoreLayout());

  it("opens a candidate from the app project with the backend's conversation, and adds a note", async () => {
    const user = userEvent.setup();
    const [dave] = await sqlIn<{ full_name: string }>(
      'app',
      'select full_name from candidates where phone_key = phone_key($1) order by id limit 1',
      [DEMO_EXAMPLES.phone],
    );
    window.history.replaceState(
      null,
      '',
      `/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=chat`,
    );
    render(<App />);

    const dialog = await screen.findByRole(
      'dialog',
      { name: dave!.full_name },
      { timeout: 15_000 },
    );
    const [newest] = await sqlIn<{ content: string }>(
      'backend',
      `select message->>'content' as content from chat_history
       where session_id in (select session_ids_for_phones(array[$1]))
       order by created_at desc, id desc limit 1`,
      [DEMO_EXAMPLES.phone],
    );
    const chat = await within(dialog).findByRole('log', {}, { timeout: 15_000 });
    expect(await within(chat).findByText(newest!.content)).toBeInTheDocument();

    // Calls and the timeline: the backend's calls, and the notes of the app project beside them.
    const [calls] = await sqlIn<{ n: string }>(
      'backend',
      'select count(*) as n from calls where session_id in (select session_ids_for_phones(array[$1]))',
      [DEMO_EXAMPLES.phone],
    );
    await user.click(within(dialog).getByRole('tab', { name: /Calls/ }));
    const callList = await within(dialog).findByRole('list', { name: 'Calls, newest first' });
    expect(within(callList).getAllByRole('listitem')).toHaveLength(Number(calls!.n));
    await user.click(within(dialog).getByRole('tab', { name: /Timeline/ }));
    const timeline = await within(dialog).findByRole('list', { name: 'Timeline, newest first' });
    expect(within(timeline).getAllByRole('listitem').length).toBeGreaterThan(Number(calls!.n));

    await user.click(within(dialog).getByRole('tab', { name: /Notes/ }));
    const body = `Two-project note ${Date.now()}`;
    await user.type(await within(dialog).findByLabelText('Add a note'), body);
    await user.click(within(dialog).getByRole('button', { name: 'Add note' }));
    await waitFor(
      async () =>
        expect(
          await sqlIn('app', 'select 1 from candidate_notes where body = $1 and author_id = $2', [
            body,
            memberId,
          ]),
        ).toHaveLength(1),
      { timeout: 10_000 },
    );
  });

  it("lists Live's sessions from the backend project with names from the app project", async () => {
    window.history.replaceState(null, '', '/live?status=active');
    render(<App />);
    const order = await sqlIn<{ phone: string | null; session_id: string }>(
      'backend',
      `select s.phone_number as phone, s.session_id from sessions s
       where lower(s.status) = 'active'
       order by greatest(s.updated_at,
                         (select max(h.created_at) from chat_history h where h.session_id = s.session_id),
                         (select max(k.called_at) from calls k where k.session_id = s.session_id)) desc nulls last,
                s.session_id
       limit 50`,
    );
    const names = new Map(
      (
        await sqlIn<{ key: string; full_name: string }>(
          'app',
          `select distinct on (phone_key) phone_key as key, full_name from candidates
           where phone_key = any (phone_keys($1)) order by phone_key, id`,
          [order.map((r) => r.phone)],
        )
      ).map((r) => [r.key, r.full_name]),
    );
    const keys = await sqlIn<{ key: string | null }>(
      'backend',
      'select phone_key(p) as key from unnest($1::text[]) with ordinality as t(p, n) order by n',
      [order.map((r) => r.phone)],
    );
    const titles = order.map(
      (r, i) => names.get(keys[i]!.key ?? '') ?? (r.phone ? formatPhone(r.phone) : r.session_id),
    );

    const list = await screen.findByRole('region', { name: 'Sessions' }, { timeout: 15_000 });
    const shown = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent!.replace(', open the chat', ''));
    expect(shown).toEqual(titles);
    expect(shown.filter((t) => [...names.values()].includes(t)).length).toBeGreaterThan(5);
  });

  it("shows a campaign's numbers as the backend project counts them", async () => {
    window.history.replaceState(null, '', '/campaigns');
    render(<App />);
    const link = await screen.findByRole('link', { name: PLUMBER }, { timeout: 15_000 });
    const card = link.closest('li')!;
    const figure = (label: string) => within(card).getByText(label).nextElementSibling?.textContent;
    const [counts] = await sqlIn<{ contacts: string; calls: string }>(
      'backend',
      `select (select count(*) from sessions where campaign = $1) as contacts,
              (select count(*) from calls where session_id in
                 (select session_id from sessions where campaign = $1)) as calls`,
      [PLUMBER],
    );
    expect(figure('Contacts')).toBe(formatCount(Number(counts!.contacts)));
    expect(figure('Calls made')).toBe(formatCount(Number(counts!.calls)));
  });
});
