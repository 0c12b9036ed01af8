import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAppRowCounts } from '@/lib/app-api';
import { ApiError } from '@/lib/api-error';
import { getBackendRowCounts } from '@/lib/backend-api';
import { renderWithQueryClient } from '@/test/render';
import { OverviewPage } from './overview-page';

vi.mock('@/lib/backend-api', () => ({ getBackendRowCounts: vi.fn() }));
vi.mock('@/lib/app-api', () => ({ getAppRowCounts: vi.fn() }));

const backendCounts = {
  numbers: 12345,
  sessions: 9876,
  chat_history: 1234567,
  calls: 42,
  campaigns: 3,
};
const appCounts = { candidates: 1500, jobs: 12, candidate_notes: 0, staff_members: 4 };

beforeEach(() => {
  vi.mocked(getBackendRowCounts).mockReset().mockResolvedValue(backendCounts);
  vi.mocked(getAppRowCounts).mockReset().mockResolvedValue(appCounts);
});

describe('OverviewPage', () => {
  it('shows skeletons while the counts load', () => {
    vi.mocked(getBackendRowCounts).mockReturnValue(new Promise(() => {}));
    renderWithQueryClient(<OverviewPage />);

    expect(screen.getAllByRole('region', { busy: true })).toHaveLength(2);
    expect(screen.getByText('Contacts')).toBeInTheDocument();
    expect(screen.queryByText(/Last updated/)).not.toBeInTheDocument();
  });

  it('shows each count with thousands separators', async () => {
    renderWithQueryClient(<OverviewPage />);

    expect(await screen.findByText('12,345')).toBeInTheDocument();
    expect(screen.getByText('1,234,567')).toBeInTheDocument();
    expect(screen.getByText('1,500')).toBeInTheDocument();
    expect(screen.getByText(/Last updated/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { busy: true })).not.toBeInTheDocument();
  });

  it('shows the error and recovers on Retry', async () => {
    vi.mocked(getBackendRowCounts).mockRejectedValueOnce(
      new ApiError('network', "Can't reach the server. Check your connection and try again."),
    );
    const user = userEvent.setup();
    renderWithQueryClient(<OverviewPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server.");
    expect(screen.queryByText('Contacts')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('12,345')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains why every table may read as empty', async () => {
    vi.mocked(getBackendRowCounts).mockResolvedValue({
      numbers: 0,
      sessions: 0,
      chat_history: 0,
      calls: 0,
      campaigns: 0,
    });
    vi.mocked(getAppRowCounts).mockResolvedValue({
      candidates: 0,
      jobs: 0,
      candidate_notes: 0,
      staff_members: 0,
    });
    renderWithQueryClient(<OverviewPage />);

    expect(await screen.findByRole('status')).toHaveTextContent('Every table reads as empty');
  });
});
