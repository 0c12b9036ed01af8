// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { CATCH_UP_AFTER_MS } from '@/data/realtime/catch-up';
import { createBackendActivity } from '@/lib/backend-activity';
import { signIn, signOut } from '@/lib/auth-api';
import { formatPhone } from '@/lib/normalizers';
import { DEMO_STAFF } from '../../stack/demo';
import { signedInClient, strangerClient, withDb } from '../support/clients';

// Issue "Live equals fresh", 6, without a browser: the real app in jsdom against the test stack.
// The tab is hidden, the agent writes messages and calls, the tab is shown again: the notice
// says how many arrived, counted by the server, and the screen shows them.

const ops = DEMO_STAFF[1]!;
const RUN = Date.now();
const CAMPAIGN = `Catch-up ${RUN}`;
const SESSION = `catch_up_${RUN}`;
const PHONE = `+4477009${String(RUN).slice(-5)}`;

const sql = <T,>(query: string, params: unknown[] = []) =>
  withDb(async (db) => (await db.query(query, params)).rows as T[]);

let visibility: DocumentVisibilityState = 'visible';
function showTab(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeAll(async () => {
  await sql(
    `insert into public.sessions (session_id, phone_number, campaign, status, created_at, updated_at)
     values ($1, $2, $3, 'active', now() - interval '1 hour', now() - interval '1 hour')`,
    [SESSION, PHONE, CAMPAIGN],
  );
  await signIn(ops.email, ops.password);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await signOut();
  await sql('delete from public.chat_history where session_id = $1', [SESSION]);
  await sql('delete from public.calls where session_id = $1', [SESSION]);
  await sql('delete from public.sessions where session_id = $1', [SESSION]);
});

/** Writes as the agent does, straight into its tables. */
async function agentWrites(messages: number, calls: number) {
  await sql(
    `insert into public.chat_history (session_id, message)
     select $1, jsonb_build_object('type', 'human', 'content', 'Catch-up message ' || n)
     from generate_series(1, $2::int) n`,
    [SESSION, messages],
  );
  await sql(
    `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status)
     select $1 || '_' || n, $1, $2, now(), 60, 'completed' from generate_series(1, $3::int) n`,
    [SESSION, PHONE, calls],
  );
}

describe('catch-up when the tab is shown again', () => {
  it('says how many messages and calls arrived while hidden, counted without rows, and shows them', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const realNow = Date.now.bind(Date);
    window.history.replaceState(null, '', `/live?campaign=${encodeURIComponent(CAMPAIGN)}`);
    render(<App />);
    const banner = await screen.findByRole('banner');
    await waitFor(() => expect(within(banner).getByRole('status')).toHaveTextContent(/^Live/));
    // The campaign's one session, its card.
    const card = () => screen.getByRole('region', { name: 'Sessions' });
    await waitFor(() => expect(card()).toHaveTextContent(formatPhone(PHONE)));
    expect(card()).toHaveTextContent('0 messages');

    showTab('hidden');
    await agentWrites(3, 2);
    const requests = vi.spyOn(globalThis, 'fetch');
    // Away long enough: the clock moves on by the threshold rather than the test waiting for it.
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + CATCH_UP_AFTER_MS + 1_000);
    showTab('visible');

    const notice = await screen.findByText(/^3 new messages, 2 calls since \d\d:\d\d$/);
    await waitFor(() => {
      expect(card()).toHaveTextContent('3 messages');
      expect(card()).toHaveTextContent('2 calls');
    });
    const counts = requests.mock.calls
      .map(([input, init]) => ({
        url: String(input instanceof Request ? input.url : input),
        method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      }))
      .filter(({ url }) => /\/rest\/v1\/(chat_history|calls)\?/.test(url));
    expect(counts).toHaveLength(2);
    expect(counts.map((c) => c.method)).toEqual(['HEAD', 'HEAD']);

    // Quiet and dismissable from the keyboard.
    expect(screen.getAllByText(/new messages?/)).toHaveLength(1);
    within(notice.parentElement!).getByRole('button', { name: 'Dismiss' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByText(/new messages/)).not.toBeInTheDocument();
  }, 60_000);
});

describe('the counts behind the notice', () => {
  it('are what row-level security lets the user see: all for staff, none for a stranger', async () => {
    // Since long ago: every message and call of the demo data.
    const since = new Date('2000-01-01T00:00:00Z');
    const staff = createBackendActivity(await signedInClient(ops.email));
    const stranger = createBackendActivity((await strangerClient()).client);
    const [{ messages, calls }] = (await sql<{ messages: number; calls: number }>(
      `select (select count(*)::int from public.chat_history where created_at > $1) as messages,
              (select count(*)::int from public.calls where called_at > $1) as calls`,
      [since],
    )) as [{ messages: number; calls: number }];
    expect(await staff.getActivitySince(since)).toEqual({ messages, calls });
    expect(messages).toBeGreaterThan(0);
    expect(await stranger.getActivitySince(since)).toEqual({ messages: 0, calls: 0 });
  });
});
