import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttentionRules, removeAttentionRule, saveAttentionRule } from '@/lib/app-api';
import type { AttentionRule } from '@/lib/attention-types';
import { getSession } from '@/lib/auth-api';
import { renderRoute } from '@/test/router';
import { AttentionRulesCard } from './attention-rules-card';

vi.mock('@/lib/app-api', () => ({
  listAttentionRules: vi.fn(),
  saveAttentionRule: vi.fn(),
  removeAttentionRule: vi.fn(),
}));
// The queue's fetchers share the rules' module; nothing here reads the queue.
vi.mock('@/lib/backend-api', () => ({ getAttentionQueue: vi.fn(), getSessionsAttention: vi.fn() }));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn(), onAuthStateChange: () => () => {} }));

const CAMPAIGN = 'Plumber - London';
const signedInAs = (role: string) =>
  vi.mocked(getSession).mockResolvedValue({
    userId: 'u1',
    email: `${role}@example.com`,
    staffRoleClaim: role,
    expiresAt: Date.now() / 1000 + 3600,
  });

const rule = (over: Partial<AttentionRule> = {}): AttentionRule => ({
  campaign: CAMPAIGN,
  replyWaitMinutes: 30,
  silentHours: 48,
  off: ['paused'],
  updatedAt: '2026-12-01T10:00:00Z',
  updatedByEmail: 'helen@example.com',
  ...over,
});

beforeEach(() => {
  vi.mocked(getSession).mockReset();
  vi.mocked(listAttentionRules).mockReset().mockResolvedValue([]);
  vi.mocked(saveAttentionRule)
    .mockReset()
    .mockImplementation(async (input) => rule({ ...input, updatedAt: new Date().toISOString() }));
  vi.mocked(removeAttentionRule).mockReset().mockResolvedValue();
});

const render = () =>
  renderRoute(<AttentionRulesCard campaign={CAMPAIGN} />, { url: '/c', path: '/c' });
const region = () => screen.findByRole('region', { name: 'Attention rules' });

describe('AttentionRulesCard', () => {
  it('a manager starts from the defaults, is told what is wrong, and saves what was typed', async () => {
    signedInAs('manager');
    const user = userEvent.setup();
    render();
    const card = await region();
    const wait = await within(card).findByLabelText('Reply wait (minutes)');
    await waitFor(() => expect(wait).toBeEnabled());
    expect(wait).toHaveValue('10');
    expect(within(card).getByLabelText('Silent midway (hours)')).toHaveValue('24');
    expect(within(card).getByLabelText('Paused')).toBeChecked();
    expect(within(card).getByText(/The defaults: 10 minutes, 24 hours/)).toBeVisible();

    // Each bad value is explained where it was typed, and nothing is sent.
    for (const bad of ['', '0', '1.5', '10081', 'ten']) {
      await user.clear(wait);
      if (bad) await user.type(wait, bad);
      await user.click(within(card).getByRole('button', { name: 'Save rules' }));
      expect(wait).toHaveAttribute('aria-invalid', 'true');
      expect(within(card).getByText(/A whole number of minutes from 1 to 10,080/)).toBeVisible();
    }
    expect(saveAttentionRule).not.toHaveBeenCalled();

    await user.clear(wait);
    await user.type(wait, '30');
    await user.click(within(card).getByLabelText('Paused'));
    await user.click(within(card).getByRole('button', { name: 'Save rules' }));
    await waitFor(() =>
      expect(saveAttentionRule).toHaveBeenCalledWith({
        campaign: CAMPAIGN,
        replyWaitMinutes: 30,
        silentHours: 24,
        off: ['paused'],
      }),
    );
  });

  it('shows a saved rule, and Back to defaults removes it', async () => {
    signedInAs('admin');
    vi.mocked(listAttentionRules).mockResolvedValue([rule()]);
    const user = userEvent.setup();
    render();
    const card = await region();
    expect(
      await within(card).findByText(/Set for this campaign by helen@example.com/),
    ).toBeVisible();
    expect(within(card).getByLabelText('Reply wait (minutes)')).toHaveValue('30');
    expect(within(card).getByLabelText('Paused')).not.toBeChecked();
    await user.click(within(card).getByRole('button', { name: 'Back to defaults' }));
    await waitFor(() => expect(removeAttentionRule).toHaveBeenCalledWith(CAMPAIGN));
  });

  it('staff who are not managers see the rules but cannot change them', async () => {
    signedInAs('recruiter');
    vi.mocked(listAttentionRules).mockResolvedValue([rule()]);
    render();
    const card = await region();
    expect(await within(card).findByText(/Only managers change them/)).toBeVisible();
    expect(within(card).getByLabelText('Reply wait (minutes)')).toBeDisabled();
    expect(within(card).getByLabelText('Paused')).toBeDisabled();
    expect(within(card).queryByRole('button', { name: 'Save rules' })).toBeNull();
  });
});
