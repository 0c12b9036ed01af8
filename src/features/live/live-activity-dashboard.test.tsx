import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCandidateNames, listCandidates } from '@/lib/app-api';
import type { Candidate } from '@/lib/app-types';
import { ApiError } from '@/lib/api-error';
import { getCampaignStats, getLiveSessions, getSessionStatusCounts } from '@/lib/backend-api';
import type { BackendCampaignStats, LiveSessionData } from '@/lib/backend-types';
import { currentUrl, renderRoute } from '@/test/router';
import { LiveActivityDashboard } from './live-activity-dashboard';

vi.mock('@/lib/backend-api', () => ({
  getLiveSessions: vi.fn(),
  getSessionStatusCounts: vi.fn(),
  getCampaignStats: vi.fn(),
}));
vi.mock('@/lib/app-api', () => ({ getCandidateNames: vi.fn(), listCandidates: vi.fn() }));

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function session(
  phone: string,
  lastMinutesAgo: number,
  overrides: Partial<LiveSessionData> = {},
): LiveSessionData {
  return {
    sessionId: `plumber_london_${phone.slice(1)}`,
    phoneNumber: phone,
    campaign: 'Plumber - London',
    status: 'active',
    messageCount: 12,
    callCount: 1,
    lastActivity: minutesAgo(lastMinutesAgo),
    lastMessageAt: null,
    lastCallAt: null,
    objectives: [
      { key: 'replied', label: 'Replied', achieved: true, value: null, at: null, source: null },
      { key: 'nvq', label: 'NVQ Level 3', achieved: false, value: null, at: null, source: null },
    ],
    createdAt: minutesAgo(3000),
    updatedAt: null,
    ...overrides,
  };
}

// Newest activity first, as the read model orders them.
const SESSIONS = [
  session('+447853723604', 2, { messageCount: 51, callCount: 3 }),
  session('+447700900525', 20, { campaign: 'Electrician - Manchester', status: 'waiting' }),
  session('+447700900860', 150, { status: 'active' }),
  session('+447700900111', 600, { status: 'completed' }),
];
const NAMES = new Map([
  ['+447853723604', 'Dave Thompson'],
  ['+447700900525', 'Fraser Bell'],
]);

const stats = (campaign: string) => ({ campaign }) as BackendCampaignStats;

beforeEach(() => {
  vi.mocked(getLiveSessions).mockReset().mockResolvedValue(SESSIONS);
  vi.mocked(getSessionStatusCounts)
    .mockReset()
    .mockResolvedValue([
      { status: 'active', sessions: 72 },
      { status: 'waiting', sessions: 93 },
      { status: 'escalated', sessions: 4 },
    ]);
  vi.mocked(getCampaignStats)
    .mockReset()
    .mockResolvedValue([stats('Electrician - Manchester'), stats('Plumber - London')]);
  vi.mocked(getCandidateNames)
    .mockReset()
    .mockImplementation(
      async (phones) =>
        new Map(phones.flatMap((p) => (p && NAMES.has(p) ? [[p, NAMES.get(p)!]] : []))),
    );
  vi.mocked(listCandidates).mockReset().mockResolvedValue({ rows: [], total: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const renderLive = (url = '/live') =>
  renderRoute(<LiveActivityDashboard />, { url, path: '/live' });
const cardTitles = () =>
  within(screen.getByRole('region', { name: 'Sessions' }))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent?.replace(', open the chat', ''));
const lastFilters = () => vi.mocked(getLiveSessions).mock.lastCall?.[1];

describe('LiveActivityDashboard', () => {
  it('shows card skeletons, then one card per session, newest activity first, with names', async () => {
    renderLive();
    expect(screen.getByRole('list', { name: 'Loading sessions' })).toHaveAttribute(
      'aria-busy',
      'true',
    );

    expect(await screen.findByRole('heading', { name: /Dave Thompson/ })).toBeInTheDocument();
    expect(cardTitles()).toEqual([
      'Dave Thompson',
      'Fraser Bell',
      '+44 7700 900860',
      '+44 7700 900111',
    ]);
    expect(vi.mocked(getLiveSessions)).toHaveBeenCalledWith(
      50,
      expect.objectContaining({ campaign: null }),
      expect.anything(),
    );

    const dave = screen.getByRole('heading', { name: /Dave Thompson/ }).closest('div.relative')!;
    expect(dave).toHaveTextContent('+44 7853 723604 · Plumber - London');
    expect(dave).toHaveTextContent('51 messages');
    expect(dave).toHaveTextContent('3 calls');
    expect(dave).toHaveTextContent('2 min ago');
    expect(dave).toHaveTextContent('Replied (achieved)');
    expect(dave).toHaveTextContent('NVQ Level 3 (not yet)');
    expect(within(dave as HTMLElement).getByText('Active')).toBeInTheDocument();
  });

  it('says how many conversations are active now and when it last synced', async () => {
    renderLive();
    expect(await screen.findByText(/conversations active now/)).toHaveTextContent(
      '72 conversations active now',
    );
    expect(await screen.findByText(/Synced/)).toHaveTextContent('Synced just now');
  });

  it('filters by campaign, status and search, and writes each to the URL', async () => {
    const user = userEvent.setup();
    renderLive();
    await screen.findByRole('heading', { name: /Dave Thompson/ });

    await user.selectOptions(screen.getByLabelText('Campaign'), 'Plumber - London');
    await waitFor(() => expect(lastFilters()).toMatchObject({ campaign: 'Plumber - London' }));
    expect(vi.mocked(getSessionStatusCounts)).toHaveBeenLastCalledWith(
      'Plumber - London',
      expect.anything(),
    );
    expect(currentUrl()).toBe('/live?campaign=Plumber+-+London');

    vi.mocked(getLiveSessions).mockResolvedValue([SESSIONS[1]!]);
    await user.click(screen.getByRole('button', { name: /^Waiting/ }));
    expect(screen.getByRole('button', { name: /^Waiting/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await waitFor(() => expect(lastFilters()).toMatchObject({ statuses: ['waiting'] }));
    await waitFor(() => expect(cardTitles()).toEqual(['Fraser Bell']));
    expect(currentUrl()).toBe('/live?campaign=Plumber+-+London&status=waiting');

    // Digits search phones directly.
    await user.type(screen.getByLabelText('Search by name or phone'), '0785');
    await waitFor(() => expect(lastFilters()).toMatchObject({ search: '0785' }));
    expect(lastFilters()).not.toHaveProperty('phones');
    expect(vi.mocked(listCandidates)).not.toHaveBeenCalled();
    expect(currentUrl()).toBe('/live?campaign=Plumber+-+London&status=waiting&q=0785');
  });

  it("keeps the previous filters' list on screen, dimmed and busy, until the new one is drawn", async () => {
    const user = userEvent.setup();
    renderLive();
    await screen.findByRole('heading', { name: /Dave Thompson/ });
    const list = () => screen.getByRole('region', { name: 'Sessions' });
    const cards = () => list().querySelector(':scope > ul');
    expect(list()).toHaveAttribute('aria-busy', 'false');

    let answer: (sessions: LiveSessionData[]) => void = () => undefined;
    vi.mocked(getLiveSessions).mockImplementation(
      () => new Promise((resolve) => (answer = resolve)),
    );
    await user.click(screen.getByRole('button', { name: /^Waiting/ }));
    await waitFor(() => expect(lastFilters()).toMatchObject({ statuses: ['waiting'] }));
    expect(list()).toHaveAttribute('aria-busy', 'true');
    expect(cards()).toHaveClass('opacity-60');
    expect(cardTitles()).toHaveLength(4);

    answer([SESSIONS[1]!]);
    await waitFor(() => expect(cardTitles()).toEqual(['Fraser Bell']));
    expect(list()).toHaveAttribute('aria-busy', 'false');
    expect(cards()).not.toHaveClass('opacity-60');
  });

  it('resolves a name search to the phones the app knows', async () => {
    vi.mocked(listCandidates).mockResolvedValue({
      rows: [{ fullName: 'Dave Thompson', phoneNumber: '+447853723604' } as Candidate],
      total: 1,
    });
    const user = userEvent.setup();
    renderLive();
    await screen.findByRole('heading', { name: /Dave Thompson/ });

    await user.type(screen.getByLabelText('Search by name or phone'), 'Dave{Enter}');

    await waitFor(() =>
      expect(lastFilters()).toMatchObject({ search: 'Dave', phones: ['+447853723604'] }),
    );
    expect(vi.mocked(listCandidates)).toHaveBeenCalledWith(
      { search: 'Dave' },
      expect.anything(),
      expect.anything(),
    );
    expect(currentUrl()).toBe('/live?q=Dave');
  });

  it('restores the filters from the URL', async () => {
    renderLive('/live?campaign=Plumber+-+London&status=waiting,escalated&q=0785&stalled=4h');

    await screen.findByRole('heading', { name: /Dave Thompson/ });
    expect(screen.getByLabelText('Campaign')).toHaveValue('Plumber - London');
    expect(screen.getByRole('button', { name: /^Waiting/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: /^Escalated/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: /^Active/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByLabelText('Search by name or phone')).toHaveValue('0785');
    expect(screen.getByLabelText('Flag as stalled after')).toHaveValue('4h');
    expect(vi.mocked(getLiveSessions)).toHaveBeenCalledWith(
      50,
      { campaign: 'Plumber - London', statuses: ['waiting', 'escalated'], search: '0785' },
      expect.anything(),
    );
  });

  it('flags active and waiting sessions with no activity for longer than the chosen time', async () => {
    const user = userEvent.setup();
    renderLive();
    await screen.findByRole('heading', { name: /Dave Thompson/ });

    // Default 1 hour: the active session quiet for 2.5 h; not the completed one quiet for 10 h.
    const stalled = () =>
      screen
        .queryAllByText('Stalled')
        .map((badge) => badge.closest('div.relative')?.querySelector('h2')?.textContent);
    expect(stalled()).toEqual(['+44 7700 900860, open the chat']);

    await user.selectOptions(screen.getByLabelText('Flag as stalled after'), '15m');
    expect(stalled()).toHaveLength(2);
    expect(currentUrl()).toBe('/live?stalled=15m');

    await user.selectOptions(screen.getByLabelText('Flag as stalled after'), '4h');
    expect(stalled()).toEqual([]);
  });

  it('opens the candidate on the chat tab from a card, keeping the filters', async () => {
    const user = userEvent.setup();
    renderLive('/live?status=active');
    await user.click(await screen.findByRole('link', { name: /Dave Thompson/ }));
    expect(currentUrl()).toBe('/live?status=active&candidate=%2B447853723604&tab=chat');
  });

  it('says which filters hide everything, and clears them', async () => {
    vi.mocked(getLiveSessions).mockResolvedValue([]);
    const user = userEvent.setup();
    renderLive('/live?campaign=Plumber+-+London&status=waiting&stalled=4h');

    expect(
      await screen.findByText(
        "No sessions match campaign 'Plumber - London' and status 'Waiting'.",
      ),
    ).toBeInTheDocument();
    vi.mocked(getLiveSessions).mockResolvedValue(SESSIONS);
    await user.click(
      within(screen.getByText(/No sessions match/).parentElement!).getByRole('button', {
        name: 'Clear filters',
      }),
    );

    expect(currentUrl()).toBe('/live?stalled=4h');
    expect(await screen.findByRole('heading', { name: /Dave Thompson/ })).toBeInTheDocument();
  });

  it('shows the error with Retry, and Retry recovers', async () => {
    vi.mocked(getLiveSessions).mockRejectedValueOnce(
      new ApiError('network', "Can't reach the server. Check your connection and try again."),
    );
    const user = userEvent.setup();
    renderLive();

    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server.");
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { name: /Dave Thompson/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  // A hundred cards take jsdom a while on a busy machine, more than the default second.
  it('shows more sessions on request', { timeout: 20_000 }, async () => {
    vi.mocked(getLiveSessions).mockImplementation(async (limit = 50) =>
      Array.from({ length: limit }, (_, i) => session(`+4477009${String(i).padStart(5, '0')}`, i)),
    );
    const user = userEvent.setup();
    renderLive();
    const slow = { timeout: 8_000 };

    await user.click(await screen.findByRole('button', { name: 'Show more' }, slow));

    await waitFor(() => expect(cardTitles()).toHaveLength(100), slow);
    expect(vi.mocked(getLiveSessions)).toHaveBeenLastCalledWith(
      100,
      expect.anything(),
      expect.anything(),
    );
    expect(currentUrl()).toBe('/live?show=100');
  });

  it('refreshes every 10 s until paused, and again once resumed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderLive();
    await screen.findByRole('heading', { name: /Dave Thompson/ });
    const calls = () => vi.mocked(getLiveSessions).mock.calls.length;

    await act(() => vi.advanceTimersByTimeAsync(10_500));
    expect(calls()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Pause auto-refresh' }));
    expect(screen.getByText('Auto-refresh paused')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(35_000));
    expect(calls()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Resume auto-refresh' }));
    expect(screen.queryByText('Auto-refresh paused')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(10_500));
    expect(calls()).toBeGreaterThan(2);
  });
});
