import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttentionEvents } from '@/lib/app-api';
import type { Conversation } from '@/data/chat/chat-pages-query';
import { call, daveProfile, message } from '@/test/demo-data';
import { TimelineTab } from './timeline-tab';

vi.mock('@/lib/app-api', () => ({ listNotes: vi.fn(), listAttentionEvents: vi.fn() }));
// The attention queue's fetchers share the events' module; the timeline reads none of them.
vi.mock('@/lib/backend-api', () => ({}));

const profile = daveProfile({
  messageCount: 500,
  callHistory: [
    call({ call_id: 'old-call', called_at: new Date(Date.now() - 2 * 86_400_000).toISOString() }),
  ],
  objectiveTimeline: [],
});

function conversation(hasMore: boolean, load = vi.fn()): Conversation {
  return {
    messages: [message(1000, 'user', 'From the newest page', 10)],
    isPending: false,
    error: null,
    retry: vi.fn(),
    older: { hasMore, loading: false, error: null, load },
  };
}

function renderTimeline(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

beforeEach(() => {
  vi.mocked(listAttentionEvents).mockReset().mockResolvedValue([]);
});

describe('TimelineTab with a conversation loaded newest page first', () => {
  it('holds back what happened before the loaded messages until they are loaded', async () => {
    const user = userEvent.setup();
    const load = vi.fn();
    const props = {
      profile: { data: profile, error: null, onRetry: vi.fn() },
      candidateId: null,
      onOpen: vi.fn(),
    };
    const { rerender } = renderTimeline(
      <TimelineTab {...props} conversation={conversation(true, load)} />,
    );

    const timeline = screen.getByRole('list', { name: 'Timeline, newest first' });
    expect(within(timeline).getByText('From the newest page')).toBeInTheDocument();
    // The call is older than every loaded message: between them lie messages not loaded yet.
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(1);
    // The count is the backend's, not the loaded page's.
    expect(screen.getByRole('button', { name: 'Messages (500)' })).toBeInTheDocument();
    // Fewer entries than a page are loaded: the next older page is asked for by itself.
    expect(load).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(load).toHaveBeenCalledTimes(2);

    // With messages hidden nothing waits for them: the call shows, and no more pages load.
    await user.click(screen.getByRole('button', { name: 'Messages (500)' }));
    expect(within(timeline).getByText(/^Call/)).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: 'Messages (500)' }));

    rerender(
      <QueryClientProvider client={new QueryClient()}>
        <TimelineTab {...props} conversation={conversation(false)} />
      </QueryClientProvider>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});

describe('TimelineTab and the attention queue', () => {
  it("lists what staff did with the candidate's entries, and filters them like the rest", async () => {
    const user = userEvent.setup();
    vi.mocked(listAttentionEvents).mockResolvedValue([
      {
        id: 1,
        sessionId: profile.sessionIds[0]!,
        action: 'assigned',
        actorEmail: 'ops@demo.local',
        ownerEmail: 'ops@demo.local',
        note: null,
        snoozedUntil: null,
        at: new Date().toISOString(),
      },
    ]);
    renderTimeline(
      <TimelineTab
        profile={{ data: profile, error: null, onRetry: vi.fn() }}
        candidateId={null}
        onOpen={vi.fn()}
        conversation={conversation(false)}
      />,
    );
    const timeline = screen.getByRole('list', { name: 'Timeline, newest first' });
    expect(
      await within(timeline).findByText('Attention: ops@demo.local assigned it to ops@demo.local'),
    ).toBeInTheDocument();
    expect(listAttentionEvents).toHaveBeenCalledWith(profile.sessionIds, expect.anything());
    await user.click(screen.getByRole('button', { name: 'Attention (1)' }));
    expect(within(timeline).queryByText(/^Attention:/)).toBeNull();
  });
});
