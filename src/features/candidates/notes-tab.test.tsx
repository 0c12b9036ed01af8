import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toaster } from '@/components/ui/toaster';
import { ApiError } from '@/lib/api-error';
import { createNote, deleteNote, listNotes, updateNote } from '@/lib/app-api';
import type { Note } from '@/lib/app-types';
import { getSession } from '@/lib/auth-api';
import { MANAGER_ID, RECRUITER_ID, dave, note } from '@/test/demo-data';
import { NotesTab } from './notes-tab';

vi.mock('@/lib/app-api', () => ({
  listNotes: vi.fn(),
  createNote: vi.fn(),
  updateNote: vi.fn(),
  deleteNote: vi.fn(),
}));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn() }));

// Relative times count calendar days, so a fixed local noon keeps "3 days ago" true whatever
// time of day the suite runs (only Date is faked; timers stay real for user-event).
vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 3, 12, 0) });
afterAll(() => vi.useRealTimers());

const mine = note(
  11,
  RECRUITER_ID,
  'recruiter@demo.local',
  'Spoke to Dave – very keen, NVQ 3.',
  7100,
);
const theirs = note(12, MANAGER_ID, 'manager@demo.local', 'Offer approved at £255/day CIS.', 4000);

/** A promise the test settles when it chooses, to see the optimistic state in between. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.mocked(getSession).mockResolvedValue({
    userId: RECRUITER_ID,
    email: 'recruiter@demo.local',
    staffRoleClaim: 'recruiter',
    expiresAt: 0,
  });
  vi.mocked(listNotes).mockReset().mockResolvedValue([theirs, mine]);
  vi.mocked(createNote).mockReset();
  vi.mocked(updateNote).mockReset();
  vi.mocked(deleteNote).mockReset();
});

function renderNotes() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <NotesTab candidate={{ data: dave, error: null, onRetry: () => {} }} />
      <Toaster />
    </QueryClientProvider>,
  );
}

const noteBy = (email: string) => screen.getByRole('article', { name: `Note by ${email}` });

describe('NotesTab', () => {
  it('lists notes newest first with author and time; only yours can be edited', async () => {
    renderNotes();

    const articles = await screen.findAllByRole('article');
    expect(articles.map((article) => article.getAttribute('aria-label'))).toEqual([
      'Note by manager@demo.local',
      'Note by recruiter@demo.local',
    ]);
    expect(within(articles[0]!).getByText('3 days ago')).toBeInTheDocument();
    expect(within(noteBy('recruiter@demo.local')).getByText('(you)')).toBeInTheDocument();
    expect(
      within(noteBy('recruiter@demo.local')).getByRole('button', { name: 'Edit' }),
    ).toBeInTheDocument();
    expect(
      within(noteBy('manager@demo.local')).queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      within(noteBy('manager@demo.local')).queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('adds a note with Ctrl+Enter, showing it before the server answers', async () => {
    const saved = deferred<Note>();
    vi.mocked(createNote).mockReturnValue(saved.promise);
    const user = userEvent.setup();
    renderNotes();
    await screen.findAllByRole('article');

    await user.type(
      screen.getByLabelText('Add a note'),
      'Available most Saturdays{Control>}{Enter}{/Control}',
    );

    expect(createNote).toHaveBeenCalledWith(dave.id, 'Available most Saturdays');
    expect(screen.getByLabelText('Add a note')).toHaveValue('');
    const articles = screen.getAllByRole('article');
    expect(articles[0]).toHaveTextContent('Available most Saturdays');
    expect(articles[0]).toHaveTextContent('Saving…');

    const stored = note(13, RECRUITER_ID, 'recruiter@demo.local', 'Available most Saturdays', 0);
    vi.mocked(listNotes).mockResolvedValue([stored, theirs, mine]);
    saved.resolve(stored);

    await waitFor(() => expect(screen.getAllByRole('article')[0]).not.toHaveTextContent('Saving…'));
    expect(screen.getAllByRole('article')[0]).toHaveTextContent('just now');
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });

  it('takes back a refused note and gives its text back, with a toast', async () => {
    vi.mocked(createNote).mockRejectedValue(
      new ApiError('unauthorized', "You don't have access to this."),
    );
    const user = userEvent.setup();
    renderNotes();
    await screen.findAllByRole('article');

    await user.type(screen.getByLabelText('Add a note'), 'Will not stick');
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    expect(await screen.findByText("Couldn't save the note")).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByLabelText('Add a note')).toHaveValue('Will not stick');
  });

  it('edits your own note in place', async () => {
    vi.mocked(updateNote).mockImplementation(async (id, body) => ({ ...mine, id, body }));
    const user = userEvent.setup();
    renderNotes();
    await screen.findAllByRole('article');

    await user.click(within(noteBy('recruiter@demo.local')).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByLabelText('Edit note');
    expect(editor).toHaveFocus();
    await user.clear(editor);
    vi.mocked(listNotes).mockResolvedValue([theirs, { ...mine, body: 'NVQ 3 confirmed' }]);
    await user.type(editor, 'NVQ 3 confirmed{Control>}{Enter}{/Control}');

    expect(updateNote).toHaveBeenCalledWith(mine.id, 'NVQ 3 confirmed');
    expect(within(noteBy('recruiter@demo.local')).getByText('NVQ 3 confirmed')).toBeInTheDocument();
  });

  it('rolls an edit back with a toast when the server refuses it', async () => {
    vi.mocked(updateNote).mockRejectedValue(
      new ApiError('unauthorized', 'You can only edit your own notes.'),
    );
    const user = userEvent.setup();
    renderNotes();
    await screen.findAllByRole('article');

    await user.click(within(noteBy('recruiter@demo.local')).getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('Edit note'));
    await user.type(screen.getByLabelText('Edit note'), 'Changed{Control>}{Enter}{/Control}');

    expect(await screen.findByText("Couldn't edit the note")).toBeInTheDocument();
    expect(screen.getByText('You can only edit your own notes.')).toBeInTheDocument();
    expect(within(noteBy('recruiter@demo.local')).getByText(mine.body)).toBeInTheDocument();
    expect(screen.queryByText('Changed')).not.toBeInTheDocument();
  });

  it('deletes your own note after a confirmation', async () => {
    vi.mocked(deleteNote).mockResolvedValue();
    const user = userEvent.setup();
    renderNotes();
    await screen.findAllByRole('article');

    await user.click(
      within(noteBy('recruiter@demo.local')).getByRole('button', { name: 'Delete' }),
    );
    expect(deleteNote).not.toHaveBeenCalled();
    vi.mocked(listNotes).mockResolvedValue([theirs]);
    await user.click(screen.getByRole('button', { name: 'Delete note' }));

    expect(deleteNote).toHaveBeenCalledWith(mine.id);
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('explains why a phone the app does not know has no notes', () => {
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <NotesTab candidate={{ data: null, error: null, onRetry: () => {} }} />
      </QueryClientProvider>,
    );

    expect(screen.getByText('Notes need a candidate record')).toBeInTheDocument();
  });
});
