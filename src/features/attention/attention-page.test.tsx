import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changeAttentionClaim,
  getCandidateNames,
  listAttentionClaims,
  listAttentionEvents,
  listAttentionRules,
  listStaff,
} from '@/lib/app-api';
import type {
  AttentionClaim,
  AttentionEntry,
  AttentionFilters,
  AttentionHidden,
} from '@/lib/attention-types';
import { getSession } from '@/lib/auth-api';
import { getAttentionQueue, getCampaignStats } from '@/lib/backend-api';
import { currentUrl, renderRoute } from '@/test/router';
import AttentionPage from './attention-page';

vi.mock('@/lib/backend-api', () => ({ getAttentionQueue: vi.fn(), getCampaignStats: vi.fn() }));
vi.mock('@/lib/app-api', () => ({
  listAttentionClaims: vi.fn(),
  changeAttentionClaim: vi.fn(),
  listAttentionEvents: vi.fn(),
  listStaff: vi.fn(),
  getCandidateNames: vi.fn(),
  listAttentionRules: vi.fn(),
}));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn(), onAuthStateChange: () => () => {} }));

const ME = 'user-me';
const COLLEAGUE = { userId: 'user-ann', email: 'ann@example.com', role: 'ops' };
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function entry(sessionId: string, phoneNumber: string, over: Partial<AttentionEntry> = {}) {
  return {
    sessionId,
    phoneNumber,
    campaign: 'Plumber - London',
    status: 'active',
    latest: ago(HOUR),
    reasons: [
      {
        reason: 'awaiting_reply',
        openedAt: ago(HOUR),
        since: ago(HOUR + 600_000),
        threshold: 10,
        callId: null,
        achieved: null,
        objectives: null,
      },
    ],
    ...over,
  } satisfies AttentionEntry;
}

const claim = (sessionId: string, over: Partial<AttentionClaim> = {}): AttentionClaim => ({
  sessionId,
  ownerId: null,
  ownerEmail: null,
  resolvedAt: null,
  resolveNote: null,
  snoozedUntil: null,
  updatedAt: new Date().toISOString(),
  updatedBy: ME,
  updatedByEmail: 'me@example.com',
  ...over,
});

/** The backend's queue over these entries: the reason filter and the hidden sessions applied. */
let entries: AttentionEntry[];
function queue(filters: AttentionFilters, hidden: AttentionHidden[]) {
  const gone = new Set(hidden.map((h) => h.sessionId));
  const shown = entries.filter(
    (e) =>
      !gone.has(e.sessionId) &&
      (!filters.reasons?.length || e.reasons.some((r) => filters.reasons!.includes(r.reason))),
  );
  const counts: Record<string, number> = {};
  for (const e of entries)
    for (const r of e.reasons) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
  return Promise.resolve({ entries: shown, total: shown.length, counts, nextChangeAt: null });
}

beforeEach(() => {
  entries = [
    entry('s1', '+447700900111'),
    entry('s2', '+447700900222', {
      status: 'escalated',
      reasons: [
        {
          reason: 'escalated',
          openedAt: ago(2 * HOUR),
          since: ago(2 * HOUR),
          threshold: null,
          callId: null,
          achieved: null,
          objectives: null,
        },
      ],
    }),
  ];
  vi.mocked(getSession)
    .mockReset()
    .mockResolvedValue({
      userId: ME,
      email: 'me@example.com',
      staffRoleClaim: 'ops',
      expiresAt: Date.now() / 1000 + 3600,
    });
  vi.mocked(getAttentionQueue).mockReset().mockImplementation(queue);
  vi.mocked(getCampaignStats).mockReset().mockResolvedValue([]);
  vi.mocked(listAttentionClaims).mockReset().mockResolvedValue([]);
  vi.mocked(listAttentionRules).mockReset().mockResolvedValue([]);
  vi.mocked(listAttentionEvents).mockReset().mockResolvedValue([]);
  vi.mocked(listStaff)
    .mockReset()
    .mockResolvedValue([{ userId: ME, email: 'me@example.com', role: 'ops' }, COLLEAGUE]);
  vi.mocked(getCandidateNames)
    .mockReset()
    .mockResolvedValue(new Map([['+447700900111', 'Dave Smith']]));
  vi.mocked(changeAttentionClaim).mockReset();
});

const render = (url = '/attention') => renderRoute(<AttentionPage />, { url, path: '/attention' });

const card = async (name: string | RegExp) =>
  (await screen.findByRole('link', { name })).closest('li')!;

describe('Attention page', () => {
  it('lists each entry with its name (or phone), its reasons in words and who has it', async () => {
    vi.mocked(listAttentionClaims).mockResolvedValue([
      claim('s2', { ownerId: COLLEAGUE.userId, ownerEmail: COLLEAGUE.email }),
    ]);
    render();
    const dave = await card('Dave Smith');
    expect(within(dave).getByText('+44 7700 900111')).toBeVisible();
    expect(
      within(dave).getByText(/The candidate wrote and the agent has not answered/),
    ).toBeVisible();
    expect(within(dave).getByText('Nobody has this yet.')).toBeVisible();
    expect(within(dave).getByRole('button', { name: 'Assign to me' })).toBeEnabled();

    const other = await card('+44 7700 900222');
    expect(within(other).getByText(`Taken by ${COLLEAGUE.email}`)).toBeVisible();
    expect(within(other).getByRole('button', { name: 'Take over' })).toBeVisible();
    expect(screen.getByText('2 entries')).toBeVisible();
  });

  it('keeps the reason filter in the URL and sends it to the backend', async () => {
    const user = userEvent.setup();
    render();
    await card('Dave Smith');
    await user.click(screen.getByRole('button', { name: /^Escalated \(1\)/ }));
    await waitFor(() => expect(currentUrl()).toBe('/attention?reason=escalated'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Dave Smith' })).toBeNull());
    expect(screen.getByRole('button', { name: /^Escalated/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(vi.mocked(getAttentionQueue).mock.lastCall?.[0]).toEqual({
      campaign: null,
      reasons: ['escalated'],
    });
  });

  it('says who took an entry first when an assign loses the race, and changes nothing', async () => {
    const user = userEvent.setup();
    vi.mocked(changeAttentionClaim).mockResolvedValue({
      ok: false,
      claim: claim('s1', { ownerId: COLLEAGUE.userId, ownerEmail: COLLEAGUE.email }),
    });
    render();
    const dave = await card('Dave Smith');
    await user.click(within(dave).getByRole('button', { name: 'Assign to me' }));
    expect(await within(dave).findByRole('alert')).toHaveTextContent(
      `${COLLEAGUE.email} took this entry a moment ago; nothing was changed.`,
    );
    // The card now shows the real owner, and the assign sent said who the user saw (nobody).
    expect(within(dave).getByText(`Taken by ${COLLEAGUE.email}`)).toBeVisible();
    expect(changeAttentionClaim).toHaveBeenCalledWith('s1', null, { kind: 'assign', ownerId: ME });
  });

  it('resolves with the note typed, and the entry leaves the queue at once', async () => {
    const user = userEvent.setup();
    vi.mocked(changeAttentionClaim).mockImplementation(async (sessionId, _seen, change) => ({
      ok: true,
      claim: claim(sessionId, {
        resolvedAt: new Date().toISOString(),
        resolveNote: change.kind === 'resolve' ? (change.note ?? null) : null,
      }),
    }));
    // The backend has not heard of it yet (it still lists s1): the claim alone hides the entry.
    vi.mocked(getAttentionQueue).mockImplementation((filters) => queue(filters, []));
    render();
    const dave = await card('Dave Smith');
    await user.click(within(dave).getByRole('button', { name: 'Resolve…' }));
    await user.type(within(dave).getByLabelText('Note (optional)'), 'Called him back');
    await user.click(within(dave).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Dave Smith' })).toBeNull());
    expect(changeAttentionClaim).toHaveBeenCalledWith('s1', null, {
      kind: 'resolve',
      note: 'Called him back',
    });
    expect(screen.getByText('1 entry')).toBeVisible();
  });

  it('shows the empty state, and the error state with a retry', async () => {
    entries = [];
    const { unmount } = render();
    expect(await screen.findByText('Nothing needs a person right now')).toBeVisible();
    unmount();

    const user = userEvent.setup();
    vi.mocked(getAttentionQueue).mockRejectedValueOnce(new Error('network down'));
    render();
    await user.click(await screen.findByRole('button', { name: /Try again|Retry/ }));
    expect(await screen.findByText('Nothing needs a person right now')).toBeVisible();
  });
});
