import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { listCandidates } from '@/lib/app-api';
import type { Candidate } from '@/lib/app-types';
import { getCampaignStats, getLiveSessions } from '@/lib/backend-api';
import type { BackendCampaignStats, LiveSessionData } from '@/lib/backend-types';
import { dave } from '@/test/demo-data';
import { currentUrl, renderRoute } from '@/test/router';
import { CandidatesPage } from './candidates-page';

vi.mock('@/lib/app-api', () => ({ listCandidates: vi.fn() }));
vi.mock('@/lib/backend-api', () => ({ getLiveSessions: vi.fn(), getCampaignStats: vi.fn() }));

const sarah: Candidate = {
  ...dave,
  id: 2,
  fullName: 'Sarah Mitchell',
  phoneNumber: '+447835156367',
  stage: 'interview',
};

const daveSession: LiveSessionData = {
  sessionId: 'plumber_london_447853723604',
  // Stored by the agent in another form than the app's E.164.
  phoneNumber: '447853723604',
  campaign: 'Plumber - London',
  status: 'active',
  messageCount: 57,
  callCount: 3,
  lastActivity: new Date(Date.now() - 3 * 60_000).toISOString(),
  lastMessageAt: null,
  lastCallAt: null,
  objectives: [],
  createdAt: null,
  updatedAt: null,
};

const campaigns = ['Plumber - London', 'Electrician - Manchester'].map(
  (campaign) => ({ campaign }) as BackendCampaignStats,
);

// A full first page of 430: Dave, Sarah and 48 more.
const fullPage = [
  dave,
  sarah,
  ...Array.from({ length: 48 }, (_, i) => ({
    ...sarah,
    id: 100 + i,
    fullName: `Candidate ${i}`,
    phoneNumber: `+4477009${String(i).padStart(5, '0')}`,
  })),
];

beforeEach(() => {
  vi.mocked(listCandidates)
    .mockReset()
    .mockResolvedValue({ rows: [dave, sarah], total: 2 });
  vi.mocked(getLiveSessions).mockReset().mockResolvedValue([daveSession]);
  vi.mocked(getCampaignStats).mockReset().mockResolvedValue(campaigns);
});

const renderPage = (url = '/candidates') =>
  renderRoute(<CandidatesPage />, { url, path: '/candidates' });

describe('CandidatesPage', () => {
  it('lists candidates joined with their sessions, in two requests whatever the page size', async () => {
    renderPage();

    const row = (await screen.findByRole('link', { name: 'Dave Thompson' })).closest('tr')!;
    expect(within(row).getByText('+44 7853 723604')).toBeInTheDocument();
    expect(within(row).getByText('Plumber - London')).toBeInTheDocument();
    expect(within(row).getByText('Offer')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('3 min ago')).toBeInTheDocument();
    const other = screen.getByRole('link', { name: 'Sarah Mitchell' }).closest('tr')!;
    expect(within(other).getByText('Not contacted')).toBeInTheDocument();
    expect(within(other).getByText('No activity')).toBeInTheDocument();

    expect(getLiveSessions).toHaveBeenCalledTimes(1);
    expect(getLiveSessions).toHaveBeenCalledWith(
      expect.any(Number),
      { phones: ['+447853723604', '+447835156367'] },
      expect.anything(),
    );
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
  });

  it('links each row to the dialog: the name to Info, View chat to the chat', async () => {
    renderPage('/candidates?stage=offer');

    expect(await screen.findByRole('link', { name: 'Dave Thompson' })).toHaveAttribute(
      'href',
      '/candidates?stage=offer&candidate=%2B447853723604&tab=info',
    );
    expect(screen.getByRole('link', { name: 'View chat with Dave Thompson' })).toHaveAttribute(
      'href',
      '/candidates?stage=offer&candidate=%2B447853723604&tab=chat',
    );
  });

  it('searches by phone in any format, keeping the search in the URL', async () => {
    const user = userEvent.setup();
    renderPage('/candidates?page=3');
    await screen.findByRole('link', { name: 'Dave Thompson' });

    await user.type(screen.getByLabelText('Search by name or phone'), '07853 723604');

    await waitFor(() => expect(currentUrl()).toBe('/candidates?q=07853+723604'));
    expect(listCandidates).toHaveBeenLastCalledWith(
      { search: '07853 723604', campaign: null, stage: null },
      { offset: 0, limit: 50 },
      expect.anything(),
    );
  });

  it('filters by campaign and stage from the URL and back into it', async () => {
    const user = userEvent.setup();
    renderPage('/candidates?stage=offer');
    await screen.findByRole('link', { name: 'Dave Thompson' });
    expect(screen.getByLabelText('Stage')).toHaveValue('offer');

    await user.selectOptions(screen.getByLabelText('Campaign'), 'Plumber - London');

    expect(currentUrl()).toBe('/candidates?stage=offer&campaign=Plumber+-+London');
    await waitFor(() =>
      expect(listCandidates).toHaveBeenLastCalledWith(
        { search: null, campaign: 'Plumber - London', stage: 'offer' },
        { offset: 0, limit: 50 },
        expect.anything(),
      ),
    );
  });

  it('pages through the exact total', async () => {
    vi.mocked(listCandidates).mockResolvedValue({ rows: fullPage, total: 430 });
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('1–50 of 430');
    vi.mocked(listCandidates).mockResolvedValue({ rows: [sarah], total: 430 });

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('51–51 of 430')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dave Thompson' })).not.toBeInTheDocument();
    expect(currentUrl()).toBe('/candidates?page=2');
    expect(listCandidates).toHaveBeenLastCalledWith(
      expect.anything(),
      { offset: 50, limit: 50 },
      expect.anything(),
    );
  });

  it('explains an empty result and clears the filters', async () => {
    vi.mocked(listCandidates).mockResolvedValue({ rows: [], total: 0 });
    const user = userEvent.setup();
    renderPage('/candidates?q=zzz&stage=placed');

    expect(await screen.findByText('No candidates match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));

    expect(currentUrl()).toBe('/candidates');
  });

  it('shows the error with Retry, and Retry recovers', async () => {
    vi.mocked(listCandidates).mockRejectedValueOnce(
      new ApiError('network', "Can't reach the server. Check your connection and try again."),
    );
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server.");
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('link', { name: 'Dave Thompson' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
