// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { signIn, signOut } from '@/lib/auth-api';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { withDb } from '../support/clients';

// The ops and manager screens through the real router, providers and API, on the demo data of a
// real stack, compared with SQL over the same rows.

const manager = DEMO_STAFF[2]!;
const PLUMBER = DEMO_EXAMPLES.campaign;

beforeAll(async () => {
  await signIn(manager.email, manager.password);
});

afterEach(() => cleanup());

afterAll(async () => {
  await signOut();
});

function openApp(url: string) {
  window.history.replaceState(null, '', url);
  render(<App />);
}

const sql = <T,>(query: string, params: unknown[] = []) =>
  withDb(async (db) => (await db.query(query, params)).rows as T[]);
const sqlCount = async (query: string, params: unknown[] = []) =>
  Number((await sql<{ n: string }>(query, params))[0]!.n);

describe('Live page on real data', () => {
  it('lists the active sessions newest activity first, as SQL orders them, with names', async () => {
    openApp('/live?status=active');

    const expected = await sql<{ title: string | null; phone: string | null; session_id: string }>(
      // a name belongs to a session whose phone has the same key in any written form; the first
      // candidate by id when two share one
      `select (select c.full_name from candidates c
               where c.phone_key = phone_key(s.phone_number) order by c.id limit 1) as title,
              s.phone_number as phone, s.session_id
       from sessions s
       where lower(s.status) = 'active'
       order by greatest(s.updated_at,
                         (select max(h.created_at) from chat_history h where h.session_id = s.session_id),
                         (select max(k.called_at) from calls k where k.session_id = s.session_id)) desc nulls last,
                s.session_id
       limit 50`,
    );
    const titles = expected.map((r) => r.title ?? (r.phone ? formatPhone(r.phone) : r.session_id));

    const list = await screen.findByRole('region', { name: 'Sessions' }, { timeout: 15_000 });
    const shown = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent!.replace(', open the chat', ''));
    expect(shown).toEqual(titles);
    expect(shown.length).toBeGreaterThan(5);
    expect(within(list).getAllByText('Active')).toHaveLength(titles.length);

    const active = await sqlCount(
      `select count(*) as n from sessions where lower(status) = 'active'`,
    );
    expect(screen.getByText(/active now/)).toHaveTextContent(
      `${formatCount(active)} conversations active now`,
    );
  });

  it('finds a candidate by name and opens their chat from the card', async () => {
    const [dave] = await sql<{ full_name: string }>(
      `select full_name from candidates where phone_number = $1`,
      [DEMO_EXAMPLES.phone],
    );
    const user = userEvent.setup();
    openApp(`/live?q=${encodeURIComponent(dave!.full_name)}`);

    const link = await screen.findByRole(
      'link',
      { name: new RegExp(dave!.full_name) },
      { timeout: 15_000 },
    );
    await user.click(link);
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('candidate')).toBe(
        DEMO_EXAMPLES.phone,
      ),
    );
    expect(new URLSearchParams(window.location.search).get('tab')).toBe('chat');
  });
});

describe('Campaigns on real data', () => {
  it(`shows ${PLUMBER}'s numbers equal to a direct SQL count`, async () => {
    openApp('/campaigns');

    const link = await screen.findByRole('link', { name: PLUMBER }, { timeout: 15_000 });
    const card = link.closest('li')!;
    const figure = (label: string) => within(card).getByText(label).nextElementSibling?.textContent;

    const ofCampaign = `select session_id from sessions where campaign = '${PLUMBER}'`;
    const messagesBy = (sender: string) =>
      sqlCount(
        `select count(*) as n from chat_history where session_id in (${ofCampaign}) and public.message_sender(message) = $1`,
        [sender],
      );
    expect(figure('Contacts')).toBe(
      formatCount(
        await sqlCount(`select count(*) as n from sessions where campaign = $1`, [PLUMBER]),
      ),
    );
    expect(figure('Active now')).toBe(
      formatCount(
        await sqlCount(
          `select count(*) as n from sessions where campaign = $1 and lower(status) = 'active'`,
          [PLUMBER],
        ),
      ),
    );
    expect(figure('Messages received')).toBe(formatCount(await messagesBy('user')));
    expect(figure('Messages sent')).toBe(formatCount(await messagesBy('agent')));
    expect(figure('Calls made')).toBe(
      formatCount(
        await sqlCount(`select count(*) as n from calls where session_id in (${ofCampaign})`),
      ),
    );
    expect(figure('Calls completed')).toBe(
      formatCount(
        await sqlCount(
          `select count(*) as n from calls where session_id in (${ofCampaign}) and lower(status) = 'completed'`,
        ),
      ),
    );
  });

  it('drills from the funnel to the sessions behind a bar', async () => {
    const user = userEvent.setup();
    openApp('/campaigns');
    await user.click(await screen.findByRole('link', { name: PLUMBER }, { timeout: 15_000 }));

    expect(await screen.findByRole('heading', { level: 1, name: PLUMBER })).toBeInTheDocument();
    const called = await sqlCount(
      `select count(distinct k.session_id) as n from calls k join sessions s using (session_id) where s.campaign = $1`,
      [PLUMBER],
    );
    const bar = await screen.findByRole('button', { name: /^Called/ }, { timeout: 15_000 });
    expect(bar).toHaveTextContent(`Called${formatCount(called)}`);

    await user.click(bar);

    expect(window.location.search).toBe('?reached=called');
    await waitFor(
      () =>
        expect(screen.getByText(/^Showing/)).toHaveTextContent(
          `Showing ${formatCount(Math.min(called, 100))} of ${formatCount(called)}`,
        ),
      { timeout: 15_000 },
    );
    const rows = within(screen.getByRole('table', { name: `Sessions of ${PLUMBER}` })).getAllByRole(
      'row',
    );
    expect(rows).toHaveLength(Math.min(called, 100) + 1);
  });
});
