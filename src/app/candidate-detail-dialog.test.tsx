import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSearchParams } from 'react-router';
import { CandidatesPage } from '@/features/candidates/candidates-page';
import { ApiError } from '@/lib/api-error';
import { getCandidateByPhone, listCandidates, listNotes } from '@/lib/app-api';
import { getSession } from '@/lib/auth-api';
import {
  getCampaignStats,
  getCandidateSummary,
  getChatPage,
  getLiveSessions,
} from '@/lib/backend-api';
import { CANDIDATE_PARAM } from '@/lib/candidate-link';
import {
  MANAGER_ID,
  RECRUITER_ID,
  chatPage,
  dave,
  daveMessages,
  daveProfile,
  note,
} from '@/test/demo-data';
import { fakeLayout } from '@/test/fake-layout';
import { currentUrl, renderRoute } from '@/test/router';
import CandidateDetailDialog from './candidate-detail-dialog';

vi.mock('@/lib/app-api', () => ({
  listCandidates: vi.fn(),
  getCandidateByPhone: vi.fn(),
  listNotes: vi.fn(),
  createNote: vi.fn(),
  updateNote: vi.fn(),
  deleteNote: vi.fn(),
}));
vi.mock('@/lib/backend-api', () => ({
  getLiveSessions: vi.fn(),
  getCampaignStats: vi.fn(),
  getCandidateSummary: vi.fn(),
  getChatPage: vi.fn(),
}));
vi.mock('@/lib/auth-api', () => ({ getSession: vi.fn() }));

const DAVE_LINK = '/candidates?candidate=%2B447853723604';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
  vi.mocked(getSession).mockResolvedValue({
    userId: RECRUITER_ID,
    email: 'recruiter@demo.local',
    staffRoleClaim: 'recruiter',
    expiresAt: 0,
  });
  vi.mocked(listCandidates)
    .mockReset()
    .mockResolvedValue({ rows: [dave], total: 1 });
  vi.mocked(getLiveSessions).mockReset().mockResolvedValue([]);
  vi.mocked(getCampaignStats).mockReset().mockResolvedValue([]);
  vi.mocked(getCandidateByPhone).mockReset().mockResolvedValue(dave);
  vi.mocked(getCandidateSummary).mockReset().mockResolvedValue(daveProfile());
  vi.mocked(getChatPage).mockReset().mockResolvedValue(chatPage(daveMessages()));
  vi.mocked(listNotes)
    .mockReset()
    .mockResolvedValue([
      note(12, MANAGER_ID, 'manager@demo.local', 'Offer approved at £255/day CIS.', 4000),
      note(11, RECRUITER_ID, 'recruiter@demo.local', 'Very keen, NVQ 3.', 7100),
    ]);
});
afterEach(() => restoreLayout());

/** The candidates page with the dialog over it when the URL asks, as the app layout does. */
function CandidatesScreen() {
  const [params] = useSearchParams();
  return (
    <>
      <CandidatesPage />
      {params.get(CANDIDATE_PARAM) && <CandidateDetailDialog />}
    </>
  );
}

const renderAt = (url: string) => renderRoute(<CandidatesScreen />, { url, path: '/candidates' });
const dialog = () => screen.getByRole('dialog');
const selectedTab = () => within(dialog()).getByRole('tab', { selected: true });

describe('CandidateDetailDialog', () => {
  it('opens from View chat on the chat tab, and the URL reopens it there', async () => {
    const user = userEvent.setup();
    const first = renderAt('/candidates?stage=offer');

    await user.click(await screen.findByRole('link', { name: 'View chat with Dave Thompson' }));

    expect(await screen.findByRole('dialog', { name: 'Dave Thompson' })).toBeInTheDocument();
    expect(selectedTab()).toHaveTextContent('WhatsApp Chat');
    expect(
      await within(dialog()).findByText('Also, is there any Saturday work going?'),
    ).toBeInTheDocument();
    const url = currentUrl();
    expect(url).toBe('/candidates?stage=offer&candidate=%2B447853723604&tab=chat');
    first.unmount();

    renderAt(url);

    expect(await screen.findByRole('dialog', { name: 'Dave Thompson' })).toBeInTheDocument();
    expect(selectedTab()).toHaveTextContent('WhatsApp Chat');
    expect(
      await within(dialog()).findByText('Also, is there any Saturday work going?'),
    ).toBeInTheDocument();
  });

  it('keeps the tab in the URL, and closing removes only the dialog parameters', async () => {
    const user = userEvent.setup();
    renderAt(`${DAVE_LINK}&tab=info&q=dave`);
    await screen.findByRole('dialog', { name: 'Dave Thompson' });

    await user.click(within(dialog()).getByRole('tab', { name: 'Calls' }));
    expect(currentUrl()).toBe('/candidates?candidate=%2B447853723604&tab=calls&q=dave');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentUrl()).toBe('/candidates?q=dave');
  });

  it('shows the candidate, the conversation and the objectives on Info', async () => {
    renderAt(`${DAVE_LINK}&tab=info`);
    const info = await screen.findByRole('dialog', { name: 'Dave Thompson' });

    expect(info).toHaveAccessibleDescription(/\+44 7853 723604.*Plumber - London.*Active/);
    expect(await within(info).findByText('dave.thompson84@gmail.com')).toBeInTheDocument();
    expect(within(info).getByText('Offer')).toBeInTheDocument();
    expect(within(info).getByText('plumber_london_447853723604')).toBeInTheDocument();
    expect(within(info).getAllByText('Active').length).toBeGreaterThan(0);
    expect(within(info).getByText('2 of 3 campaign objectives achieved')).toBeInTheDocument();
    const objectives = within(info)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(objectives).toEqual([
      'Achieved: Replied',
      expect.stringMatching(/^Achieved: NVQ Level 3 Plumbing20 Nov 2026, \d\d:\d\d · via chat$/),
      'Not yet: Interview booked',
      'Achieved: Day rate255',
    ]);
    expect(within(info).queryByText(/has_qualification|interview_booked/)).not.toBeInTheDocument();
  });

  it('lists the calls and keeps an open transcript in the URL', async () => {
    const user = userEvent.setup();
    renderAt(`${DAVE_LINK}&tab=calls`);
    await screen.findByRole('dialog', { name: 'Dave Thompson' });

    expect(await screen.findAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Transcript' }));

    expect(screen.getByRole('dialog', { name: 'Call transcript' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/candidates?candidate=%2B447853723604&tab=calls&call=CA855');
  });

  it('shows the notes on Notes', async () => {
    renderAt(`${DAVE_LINK}&tab=notes`);

    expect(await screen.findByText('Offer approved at £255/day CIS.')).toBeInTheDocument();
    expect(screen.getByLabelText('Add a note')).toBeInTheDocument();
  });

  it('merges everything on the timeline, filters it, and opens an entry where it lives', async () => {
    const user = userEvent.setup();
    renderAt(`${DAVE_LINK}&tab=timeline`);
    await screen.findByRole('dialog', { name: 'Dave Thompson' });

    const timeline = await screen.findByRole('list', { name: 'Timeline, newest first' });
    await waitFor(() =>
      expect(within(timeline).getByText('Note by manager@demo.local')).toBeInTheDocument(),
    );
    expect(within(timeline).getAllByRole('listitem')[0]).toHaveTextContent('AI agent wrote');

    await user.click(screen.getByRole('button', { name: /^Messages/ }));
    expect(within(timeline).queryByText('AI agent wrote')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Messages/ }));

    await user.click(within(timeline).getByText('Also, is there any Saturday work going?'));

    expect(selectedTab()).toHaveTextContent('WhatsApp Chat');
    expect(currentUrl()).toContain('tab=chat&message=5757');
    const opened = await screen.findByText('Also, is there any Saturday work going?');
    expect(opened.closest('[data-message-id]')).toHaveAttribute('data-active', 'true');
  });

  it('shows a failed request with Retry, and Retry recovers', async () => {
    vi.mocked(getChatPage).mockRejectedValueOnce(
      new ApiError('network', "Can't reach the server. Check your connection and try again."),
    );
    const user = userEvent.setup();
    renderAt(`${DAVE_LINK}&tab=chat`);

    const alert = await within(await screen.findByRole('dialog')).findByRole('alert');
    expect(alert).toHaveTextContent("Can't reach the server.");
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Also, is there any Saturday work going?')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refreshes everything in the dialog', async () => {
    const user = userEvent.setup();
    renderAt(`${DAVE_LINK}&tab=notes`);
    await screen.findByText('Offer approved at £255/day CIS.');
    for (const api of [getCandidateSummary, getChatPage, getCandidateByPhone, listNotes]) {
      expect(api).toHaveBeenCalledTimes(1);
    }

    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() => {
      for (const api of [getCandidateSummary, getChatPage, getCandidateByPhone, listNotes]) {
        expect(api).toHaveBeenCalledTimes(2);
      }
    });
  });

  it('explains a link whose candidate is not a phone number', async () => {
    const user = userEvent.setup();
    renderAt('/candidates?candidate=javascript%3Aalert(1)&tab=chat');

    expect(
      await screen.findByRole('dialog', { name: "Can't open this candidate" }),
    ).toHaveTextContent("isn't a phone number");
    expect(getCandidateSummary).not.toHaveBeenCalled();
    expect(getChatPage).not.toHaveBeenCalled();
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(currentUrl()).toBe('/candidates');
  });
});
