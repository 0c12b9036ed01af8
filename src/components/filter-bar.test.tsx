import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FilterBar, campaignSelect } from './filter-bar';

/** A page that keeps the committed search and the campaign, as a URL would. */
function Page({
  search: initialSearch = '',
  campaign: initialCampaign = null,
  onCommit = () => undefined,
}: {
  search?: string;
  campaign?: string | null;
  onCommit?: (search: string) => void;
}) {
  const [search, setSearch] = useState(initialSearch);
  const [campaign, setCampaign] = useState(initialCampaign);
  return (
    <>
      <FilterBar
        search={{
          label: 'Search by name or phone',
          value: search,
          onCommit: (value) => {
            onCommit(value);
            setSearch(value);
          },
        }}
        selects={[campaignSelect(campaign, ['Electrician', 'Plumber'], setCampaign)]}
      />
      <output aria-label="Committed">{`${search}|${campaign ?? 'all'}`}</output>
      <button type="button" onClick={() => setSearch('')}>
        Clear elsewhere
      </button>
    </>
  );
}

const box = () => screen.getByLabelText('Search by name or phone');
const committed = () => screen.getByLabelText('Committed');

describe('FilterBar', () => {
  it('commits the search, trimmed, once typing pauses, and at once on Enter', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Page onCommit={onCommit} />);

    await user.type(box(), ' Dave ');
    expect(onCommit).not.toHaveBeenCalled();
    await waitFor(() => expect(committed()).toHaveTextContent('Dave|all'));
    expect(onCommit).toHaveBeenCalledTimes(1);
    // The echo of the commit leaves the space still being typed alone.
    expect(box()).toHaveValue(' Dave ');

    await user.type(box(), 'Thompson{Enter}');
    expect(committed()).toHaveTextContent('Dave Thompson|all');
    expect(onCommit).toHaveBeenLastCalledWith('Dave Thompson');
  });

  it('shows a search changed elsewhere, and leaves spaces around a given one alone', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Page search="  0785  " onCommit={onCommit} />);
    expect(box()).toHaveValue('0785');

    await user.click(screen.getByRole('button', { name: 'Clear elsewhere' }));
    expect(box()).toHaveValue('');
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('offers every campaign, keeps one from a link that is not among them, and picks', async () => {
    const user = userEvent.setup();
    render(<Page campaign="Roofer" />);
    const select = screen.getByLabelText('Campaign');
    expect(select).toHaveValue('Roofer');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'All campaigns',
      'Roofer',
      'Electrician',
      'Plumber',
    ]);

    await user.selectOptions(select, 'Plumber');
    expect(committed()).toHaveTextContent('|Plumber');
    await user.selectOptions(select, 'All campaigns');
    expect(committed()).toHaveTextContent('|all');
  });
});
