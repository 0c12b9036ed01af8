import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCandidateNames } from '@/lib/app-api';
import { ApiError } from '@/lib/api-error';
import {
  getCampaignDailyActivity,
  getCampaignFunnel,
  getCampaignSessions,
  getCampaignStats,
  getSessionStatusCounts,
} from '@/lib/backend-api';
import type { CampaignSessionFilters } from '@/lib/backend-types';
import { formatDateTime } from '@/lib/format';
import { currentUrl, renderRoute } from '@/test/router';
import CampaignDetailPage from './campaign-detail-page';
import { FUNNEL, campaignSession, campaignStats } from './test-data';

vi.mock('@/lib/backend-api', () => ({
  getCampaignStats: vi.fn(),
  getCampaignFunnel: vi.fn(),
  getCampaignDailyActivity: vi.fn(),
  getCampaignSessions: vi.fn(),
  getSessionStatusCounts: vi.fn(),
}));
vi.mock('@/lib/app-api', () => ({ getCandidateNames: vi.fn() }));
// recharts draws nothing in jsdom; the chart's numbers are checked through the table beside it.
vi.mock('./daily-activity-chart', () => ({ default: () => <div data-testid="chart" /> }));
// The attention rules have their own test (attention-rules-card.test.tsx).
vi.mock('./attention-rules-card', () => ({ AttentionRulesCard: () => null }));

const objective = (key: string, label: string, achieved: boolean) => ({
  key,
  label,
  achieved,
  value: null,
  at: null,
  source: null,
});

const CALLED = [
  campaignSession('s1', {
    phoneNumber: '+447853723604',
    callCount: 2,
    objectives: [
      objective('replied', 'Replied', true),
      objective('interview_booked', 'Interview booked', true),
    ],
  }),
  campaignSession('s2', {
    phoneNumber: '+447700900123',
    status: 'waiting',
    messageCount: 9,
    callCount: 1,
    objectives: [
      objective('replied', 'Replied', true),
      objective('interview_booked', 'Interview booked', false),
    ],
  }),
  campaignSession('s3', { phoneNumber: '+447700900456', status: 'opted_out', callCount: 1 }),
];
const NOT_CALLED = [campaignSession('s4', { phoneNumber: '+447700900789' })];
const NAMES = new Map([
  ['+447853723604', 'Smith, "Dave"'],
  ['+447700900123', 'Line\nBreak'],
]);

/** The read model, played by a filter over four sessions. */
async function sessionsFor(_campaign: string, filters: CampaignSessionFilters = {}) {
  const rows = [...CALLED, ...NOT_CALLED].filter(
    (s) =>
      (!filters.called || s.callCount > 0) &&
      (!filters.statuses?.length || filters.statuses.includes(s.status ?? '')) &&
      (!filters.objective || s.objectives.some((o) => o.key === filters.objective && o.achieved)),
  );
  return { rows, total: rows.length };
}

beforeEach(() => {
  vi.mocked(getCampaignStats).mockReset().mockResolvedValue([campaignStats()]);
  vi.mocked(getCampaignFunnel).mockReset().mockResolvedValue(FUNNEL);
  vi.mocked(getCampaignDailyActivity)
    .mockReset()
    .mockResolvedValue([
      { day: '2026-11-25', messagesIn: 78, messagesOut: 112, calls: 20 },
      { day: '2026-11-26', messagesIn: 1234, messagesOut: 115, calls: 11 },
    ]);
  vi.mocked(getCampaignSessions).mockReset().mockImplementation(sessionsFor);
  vi.mocked(getSessionStatusCounts)
    .mockReset()
    .mockResolvedValue([{ status: 'active', sessions: 21 }]);
  vi.mocked(getCandidateNames)
    .mockReset()
    .mockImplementation(
      async (phones) =>
        new Map(phones.flatMap((p) => (p && NAMES.has(p) ? [[p, NAMES.get(p)!]] : []))),
    );
});

afterEach(() => {
  vi.restoreAllMocks();
});

// jsdom's Blob has no text(); FileReader reads it as a browser would.
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const renderDetail = (url = '/campaigns/Plumber%20-%20London') =>
  renderRoute(<CampaignDetailPage />, { url, path: '/campaigns/:campaign' });
const table = () => screen.getByRole('table', { name: 'Sessions of Plumber - London' });
const tableRows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('CampaignDetailPage', () => {
  it('shows the campaign, its figures, funnel, daily numbers and sessions', async () => {
    renderDetail();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Plumber - London' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Contacts').nextElementSibling).toHaveTextContent('126');
    expect(await screen.findByRole('button', { name: /Called\s*93 · 73.8%/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /All contacts/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    const daily = await screen.findByRole('table', { name: /Messages and calls per day/ });
    expect(within(daily).getByRole('row', { name: /Thu 26 Nov/ })).toHaveTextContent(
      'Thu 26 Nov1151,23411',
    );
    expect(screen.getByText('1,539 messages and 31 calls in the last 14 days')).toBeInTheDocument();
    expect(await screen.findByTestId('chart')).toBeInTheDocument();

    await waitFor(() => expect(tableRows()).toHaveLength(4));
    expect(screen.getByText('Showing 4 of 4, most recently active first')).toBeInTheDocument();
  });

  it('a funnel bar filters the table to the sessions behind it, and the URL keeps it', async () => {
    const user = userEvent.setup();
    renderDetail();
    await waitFor(() => expect(tableRows()).toHaveLength(4));

    await user.click(await screen.findByRole('button', { name: /Called\s*93/ }));

    expect(currentUrl()).toBe('/campaigns/Plumber%20-%20London?reached=called');
    expect(vi.mocked(getCampaignSessions)).toHaveBeenLastCalledWith(
      'Plumber - London',
      expect.objectContaining({ called: true, replied: null, objective: null }),
      expect.anything(),
    );
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(screen.getByRole('button', { name: /Called\s*93/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByLabelText('Reached')).toHaveValue('step:called');

    // An objective bar, under "Objectives achieved", filters by that objective instead.
    const objectives = screen.getByRole('region', { name: 'Objectives achieved' });
    await user.click(within(objectives).getByRole('button', { name: /Interview booked/ }));
    expect(currentUrl()).toBe('/campaigns/Plumber%20-%20London?objective=interview_booked');
    await waitFor(() => expect(tableRows()).toEqual(['Smith, "Dave"+44 7853 723604']));
  });

  it('filters by status and what was reached from the URL, and opens a candidate', async () => {
    const user = userEvent.setup();
    renderDetail('/campaigns/Plumber%20-%20London?status=waiting&reached=called');
    await waitFor(() => expect(tableRows()).toEqual(['Line\nBreak+44 7700 900123']));
    expect(screen.getByRole('button', { name: /^Waiting/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.click(within(table()).getByRole('link', { name: /Line/ }));
    expect(currentUrl()).toBe(
      '/campaigns/Plumber%20-%20London?status=waiting&reached=called&candidate=%2B447700900123&tab=chat',
    );
  });

  it('exports the visible rows and columns of a filtered table as CSV, escaped', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:sessions';
    });
    URL.revokeObjectURL = vi.fn();
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloaded = this.download;
    });
    const user = userEvent.setup();
    renderDetail('/campaigns/Plumber%20-%20London?reached=called');
    await waitFor(() => expect(tableRows()).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: /Export CSV/ }));

    expect(downloaded).toBe('Plumber - London-sessions.csv');
    const text = (await readText(blobs[0]!)).replace(/^\uFEFF/, '');
    const last = `"${formatDateTime(new Date('2026-11-24T14:05:00Z'))}"`;
    expect(text.split('\r\n')).toEqual([
      'Name,Phone,Status,Messages,Calls,Last activity,Objectives reached',
      `"Smith, ""Dave""",+44 7853 723604,Active,4,2,${last},Replied; Interview booked`,
      `"Line\nBreak",+44 7700 900123,Waiting,9,1,${last},Replied`,
      `,+44 7700 900456,Opted out,4,1,${last},`,
      '',
    ]);
  });

  it('says which filters leave the table empty', async () => {
    const user = userEvent.setup();
    renderDetail('/campaigns/Plumber%20-%20London?status=failed&objective=interview_booked');
    expect(
      await screen.findByText(
        "No sessions match status 'Failed' and objective 'Interview booked'.",
      ),
    ).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(currentUrl()).toBe('/campaigns/Plumber%20-%20London');
  });

  it('an unknown campaign is a clear not-found', async () => {
    renderDetail('/campaigns/Roofer%20-%20Nowhere');
    expect(await screen.findByRole('heading', { name: 'Campaign not found' })).toBeInTheDocument();
    expect(screen.getByText("There is no campaign called 'Roofer - Nowhere'.")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All campaigns/ })).toHaveAttribute(
      'href',
      '/campaigns',
    );
    expect(vi.mocked(getCampaignSessions)).not.toHaveBeenCalled();
  });

  it('shows an error with Retry for the sessions, and Retry recovers', async () => {
    vi.mocked(getCampaignSessions).mockRejectedValueOnce(
      new ApiError('network', "Can't reach the server."),
    );
    const user = userEvent.setup();
    renderDetail();

    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server.");
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(tableRows()).toHaveLength(4));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
