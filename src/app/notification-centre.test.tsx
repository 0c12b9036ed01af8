import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCandidateNames, listAttentionClaims, listAttentionRules } from '@/lib/app-api';
import type { AttentionEntry } from '@/lib/attention-types';
import { getSession } from '@/lib/auth-api';
import { getAttentionQueue, getCampaignStats } from '@/lib/backend-api';
import { currentUrl, renderRoute } from '@/test/router';
import NotificationCentre from './notification-centre';

vi.mock('@/lib/backend-api', () => ({ getAttentionQueue: vi.fn(), getCampaignStats: vi.fn() }));
vi.mock('@/lib/app-api', () => ({
  listAttentionClaims: vi.fn(),
  listAttentionRules: vi.fn(),
  getCandidateNames: vi.fn(),
}));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn(), onAuthStateChange: () => () => {} }));

/** The browser's Notification, recording what would have been shown. */
const shown: { title: string; body?: string; tag?: string }[] = [];
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return 'granted' as const;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options: NotificationOptions = {}) {
    shown.push({ title, body: options.body, tag: options.tag });
  }
  close() {}
}

const entry = (i: number, latest: number): AttentionEntry => ({
  sessionId: `s${i}`,
  phoneNumber: `+44770090000${i}`,
  campaign: 'Plumber - London',
  status: 'escalated',
  latest: new Date(latest).toISOString(),
  reasons: [
    {
      reason: 'escalated',
      openedAt: new Date(latest).toISOString(),
      since: new Date(latest).toISOString(),
      threshold: null,
      callId: null,
      achieved: null,
      objectives: null,
    },
  ],
});

let entries: AttentionEntry[];
beforeEach(() => {
  localStorage.clear();
  shown.length = 0;
  FakeNotification.permission = 'default';
  vi.stubGlobal('Notification', FakeNotification);
  vi.mocked(getSession).mockResolvedValue({
    userId: 'me',
    email: 'me@example.com',
    staffRoleClaim: 'ops',
    expiresAt: Date.now() / 1000 + 3600,
  });
  entries = [entry(1, Date.now() - 3_600_000)];
  // Read again a moment later (the queue's next threshold), as the agent's writes would cause.
  vi.mocked(getAttentionQueue).mockImplementation(async () => ({
    entries,
    total: entries.length,
    counts: {},
    nextChangeAt: new Date(Date.now() + 300).toISOString(),
  }));
  vi.mocked(getCampaignStats).mockResolvedValue([]);
  vi.mocked(listAttentionClaims).mockResolvedValue([]);
  vi.mocked(listAttentionRules).mockResolvedValue([]);
  vi.mocked(getCandidateNames).mockResolvedValue(new Map([['+447700900002', 'Dave Smith']]));
});
afterEach(() => vi.unstubAllGlobals());

const render = () => renderRoute(<NotificationCentre />, { url: '/live', path: '*' });

describe('NotificationCentre', () => {
  it('after opting in, a burst of new entries is one notification, listed in the centre', async () => {
    const user = userEvent.setup();
    render();
    await waitFor(() => expect(getAttentionQueue).toHaveBeenCalled());
    await user.click(screen.getByRole('button', { name: /Notifications/ }));
    const panel = screen.getByRole('region', { name: 'Notification centre' });
    expect(within(panel).getByText(/Nothing yet/)).toBeVisible();
    await user.click(within(panel).getByRole('button', { name: 'Turn on' }));
    expect(await within(panel).findByText('Browser notifications are on.')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notification centre' })).toBeNull();

    // Three entries open at once (and the old one is not news).
    const later = Date.now() + 1_000;
    entries = [entry(2, later), entry(3, later), entry(4, later), ...entries];
    await waitFor(() => expect(shown).toHaveLength(1), { timeout: 10_000 });
    expect(shown[0]).toEqual({
      title: '3 conversations need a person',
      body: 'Dave Smith, +44 7700 900003, +44 7700 900004',
      tag: 'attention',
    });
    expect(await screen.findByText('1', { exact: false, selector: 'span' })).toBeVisible();

    // Read again with nothing new: nothing more is said.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(shown).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: /Notifications/ }));
    const list = screen.getByRole('list', { name: 'What was notified' });
    await user.click(within(list).getByRole('button', { name: /3 conversations need a person/ }));
    expect(currentUrl()).toBe('/attention');
  }, 20_000);

  it('without permission nothing pops up, but the centre still lists what opened', async () => {
    FakeNotification.permission = 'denied';
    const user = userEvent.setup();
    render();
    await waitFor(() => expect(getAttentionQueue).toHaveBeenCalled());
    entries = [entry(2, Date.now() + 1_000), ...entries];
    await user.click(screen.getByRole('button', { name: /Notifications/ }));
    const panel = screen.getByRole('region', { name: 'Notification centre' });
    expect(within(panel).getByText(/blocked for this site/)).toBeVisible();
    expect(
      await within(panel).findByText('Dave Smith needs a person', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(shown).toEqual([]);
  }, 20_000);
});
