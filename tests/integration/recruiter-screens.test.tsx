// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { signIn, signOut } from '@/lib/auth-api';
import { fakeLayout } from '@/test/fake-layout';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { withDb } from '../support/clients';

// The recruiter's screens through the real router, providers and API, on the demo data of a real
// stack: Dave Thompson (+447853723604) and his conversation, calls and notes.

const recruiter = DEMO_STAFF[0]!;
const noteBody = `Integration note ${Date.now()}: happy to do Saturdays.`;
let restoreLayout: () => void;

beforeAll(async () => {
  restoreLayout = fakeLayout();
  await signIn(recruiter.email, recruiter.password);
});

afterEach(() => cleanup());

afterAll(async () => {
  restoreLayout();
  await signOut();
  await withDb((db) => db.query('delete from candidate_notes where body = $1', [noteBody]));
});

function openApp(tab: string) {
  const phone = encodeURIComponent(DEMO_EXAMPLES.phone);
  window.history.replaceState(null, '', `/candidates?candidate=${phone}&tab=${tab}`);
  render(<App />);
}

describe('recruiter screens on real data', () => {
  it('finds Dave on the candidates page by his national number and opens his chat', async () => {
    const total = await withDb(
      async (db) =>
        (await db.query<{ n: string }>('select count(*) as n from candidates')).rows[0]!.n,
    );
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/candidates');
    render(<App />);

    expect(
      await screen.findByText(`1–50 of ${total}`, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search by name or phone'), '07853 723604');
    await waitFor(() => expect(screen.getByText('1–1 of 1')).toBeInTheDocument(), {
      timeout: 10_000,
    });
    const row = screen.getByRole('link', { name: 'Dave Thompson' }).closest('tr')!;
    // The backend session joined in: its status and last activity.
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('+44 7853 723604')).toBeInTheDocument();

    await user.click(within(row).getByRole('link', { name: 'View chat with Dave Thompson' }));

    expect(await screen.findByRole('dialog', { name: 'Dave Thompson' })).toBeInTheDocument();
    expect(window.location.search).toBe('?q=07853+723604&candidate=%2B447853723604&tab=chat');
  });

  it("shows Dave's real conversation in the chat tab", async () => {
    openApp('chat');

    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Dave Thompson' },
      { timeout: 15_000 },
    );
    expect(dialog).toHaveAccessibleDescription(/\+44 7853 723604.*Plumber - London/);
    const chat = await within(dialog).findByRole(
      'log',
      { name: 'WhatsApp conversation with +44 7853 723604' },
      { timeout: 15_000 },
    );
    // It opens on the newest message.
    expect(
      await within(chat).findByText('Great stuff. Speak soon and good luck on Monday 👷'),
    ).toBeInTheDocument();
    expect(within(chat).getAllByText('AI').length).toBeGreaterThan(0);
  });

  it('lists his real calls, playable only where the recording is on the web', async () => {
    openApp('calls');

    const calls = await screen.findByRole(
      'list',
      { name: 'Calls, newest first' },
      { timeout: 15_000 },
    );
    const cards = within(calls).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    ['1:34', '4:06', 'N/A'].forEach((duration, index) =>
      expect(within(cards[index]!).getByText(duration)).toBeInTheDocument(),
    );
    expect(cards[1]!.querySelector('audio')?.getAttribute('src')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/storage\/v1\/object\/public\/recordings\/call-02\.wav$/,
    );
    expect(within(cards[2]!).getByText('No answer')).toBeInTheDocument();
    expect(cards[2]!.querySelector('audio')).toBeNull();
  });

  it('saves a note added through the UI to the database', async () => {
    const user = userEvent.setup();
    openApp('notes');

    const editor = await screen.findByLabelText('Add a note', {}, { timeout: 15_000 });
    await user.type(editor, noteBody);
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    // Shown at once, then replaced by the stored note.
    expect(await screen.findByText(noteBody)).toBeInTheDocument();
    await waitFor(
      () => expect(screen.getByText(noteBody).closest('article')).not.toHaveTextContent('Saving…'),
      { timeout: 10_000 },
    );
    const rows = await withDb(
      async (db) =>
        (
          await db.query<{ author_id: string; author_email: string | null; phone_number: string }>(
            `select n.author_id, n.author_email, c.phone_number
             from candidate_notes n join candidates c on c.id = n.candidate_id
            where n.body = $1`,
            [noteBody],
          )
        ).rows,
    );
    expect(rows).toEqual([
      { author_id: recruiter.id, author_email: recruiter.email, phone_number: DEMO_EXAMPLES.phone },
    ]);
  });
});
