import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { getCampaignStats } from '@/lib/backend-api';
import { currentUrl, renderRoute } from '@/test/router';
import { CampaignLiveStats } from './campaign-live-stats';
import { campaignStats } from './test-data';

vi.mock('@/lib/backend-api', () => ({ getCampaignStats: vi.fn() }));

beforeEach(() => {
  vi.mocked(getCampaignStats)
    .mockReset()
    .mockResolvedValue([
      campaignStats({
        campaign: 'Carpenter - Leeds',
        status: 'paused',
        totalSessions: 0,
        averageCallDuration: null,
        objectiveBreakdown: [],
        lastActivity: null,
      }),
      campaignStats(),
    ]);
});

const renderStats = () => renderRoute(<CampaignLiveStats />, { url: '/campaigns', path: '*' });

describe('CampaignLiveStats', () => {
  it('shows every campaign from one request, with its numbers in British format', async () => {
    renderStats();
    const card = (await screen.findByRole('link', { name: 'Plumber - London' })).closest('li')!;

    expect(vi.mocked(getCampaignStats)).toHaveBeenCalledOnce();
    expect(vi.mocked(getCampaignStats)).toHaveBeenCalledWith(undefined, expect.anything());
    const figure = (label: string) => within(card).getByText(label).nextElementSibling?.textContent;
    expect(figure('Contacts')).toBe('126');
    expect(figure('Active now')).toBe('21');
    expect(figure('Messages sent')).toBe('976');
    expect(figure('Messages received')).toBe('732');
    expect(figure('Calls made')).toBe('145');
    expect(figure('Calls completed')).toBe('52');
    expect(figure('Reply rate')).toBe('84.1%');
    expect(figure('Average call')).toBe('0:48');
    const objectives = within(card).getByRole('region', { name: /Objectives achieved/ });
    expect(
      within(objectives)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Replied106 · 84.1%', 'Interview booked27 · 21.4%']);
    expect(card).toHaveTextContent('Last activity 5 min ago');
    expect(within(card).getByText('Active')).toBeInTheDocument();
    expect(screen.getByText(/Updated/)).toHaveTextContent('Updated just now');

    const empty = screen.getByRole('link', { name: 'Carpenter - Leeds' }).closest('li')!;
    expect(empty).toHaveTextContent('Average call–');
    expect(empty).toHaveTextContent('This campaign has no objectives.');
    expect(empty).toHaveTextContent('Last activity none yet');
  });

  it('links each card to its campaign page', async () => {
    const user = userEvent.setup();
    renderStats();
    await user.click(await screen.findByRole('link', { name: 'Plumber - London' }));
    expect(currentUrl()).toBe('/campaigns/Plumber%20-%20London');
  });

  it('shows the error with Retry, and Retry recovers', async () => {
    vi.mocked(getCampaignStats).mockRejectedValueOnce(
      new ApiError('server', 'The server ran into a problem.'),
    );
    const user = userEvent.setup();
    renderStats();

    expect(await screen.findByRole('alert')).toHaveTextContent('The server ran into a problem.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Plumber - London' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains an empty list', async () => {
    vi.mocked(getCampaignStats).mockResolvedValue([]);
    renderStats();
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
  });
});
