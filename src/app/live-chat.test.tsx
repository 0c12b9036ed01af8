import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startBackendSync } from '@/data/realtime/backend-sync';
import { createConnectionStore } from '@/data/realtime/connection-store';
import { getCandidateByPhone, listNotes } from '@/lib/app-api';
import { getSession } from '@/lib/auth-api';
import type { ChangeHandlers } from '@/lib/backend-changes';
import { getCandidateSummary, getChatPage } from '@/lib/backend-api';
import { RECRUITER_ID, chatPage, dave, daveMessages, daveProfile } from '@/test/demo-data';
import { fakeLayout } from '@/test/fake-layout';
import CandidateDetailDialog from './candidate-detail-dialog';

vi.mock('@/lib/app-api', () => ({ getCandidateByPhone: vi.fn(), listNotes: vi.fn() }));
vi.mock('@/lib/backend-api', () => ({ getCandidateSummary: vi.fn(), getChatPage: vi.fn() }));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn() }));

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
  vi.mocked(getSession).mockResolvedValue({
    userId: RECRUITER_ID,
    email: 'recruiter@demo.local',
    staffRoleClaim: 'recruiter',
    expiresAt: 0,
  });
  vi.mocked(getCandidateByPhone).mockResolvedValue(dave);
  vi.mocked(getCandidateSummary).mockResolvedValue(daveProfile());
  vi.mocked(getChatPage).mockResolvedValue(chatPage(daveMessages()));
  vi.mocked(listNotes).mockResolvedValue([]);
});
afterEach(() => restoreLayout());

it('an open chat shows a message as soon as its change event arrives', async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let handlers!: ChangeHandlers;
  const stop = startBackendSync({
    queryClient,
    store: createConnectionStore(),
    watch: (h) => {
      handlers = h;
      return () => undefined;
    },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/candidates?candidate=%2B447853723604&tab=chat']}>
        <CandidateDetailDialog />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByText('Also, is there any Saturday work going?');
  const requestsBefore = [getCandidateSummary, getChatPage].map(
    (f) => vi.mocked(f).mock.calls.length,
  );

  const sessionId = daveProfile().sessionId!;
  act(() =>
    handlers.onChange({
      table: 'chat_history',
      eventType: 'INSERT',
      row: {
        id: 99_999,
        session_id: sessionId,
        created_at: new Date().toISOString(),
        message: { type: 'human', content: 'Just landed, can talk now' },
      },
      old: {},
    }),
  );

  expect(await within(dialog).findByText('Just landed, can talk now')).toBeInTheDocument();
  // Put in place from the event itself, not by reading the conversation again; the summary (the
  // message count) is read again once.
  const [summaries, pages] = requestsBefore;
  expect(vi.mocked(getChatPage).mock.calls.length).toBe(pages);
  await vi.waitFor(() =>
    expect(vi.mocked(getCandidateSummary).mock.calls.length).toBe(summaries! + 1),
  );
  stop();
});
