import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithQueryClient } from '@/test/render';
import { NoMatches, describeFilters } from './no-matches';

describe('describeFilters', () => {
  it.each([
    [[], ''],
    [[{ name: 'campaign', values: ['X'] }], "campaign 'X'"],
    [
      [
        { name: 'campaign', values: ['X'] },
        { name: 'status', values: ['Waiting'] },
      ],
      "campaign 'X' and status 'Waiting'",
    ],
    [
      [
        { name: 'campaign', values: [] },
        { name: 'status', values: ['Waiting', 'Active', 'Failed'] },
        { name: 'search', values: ['smith'] },
      ],
      "status 'Waiting', 'Active' or 'Failed' and search 'smith'",
    ],
    [
      [
        { name: 'a', values: ['1'] },
        { name: 'b', values: ['2', '3'] },
        { name: 'c', values: ['4'] },
      ],
      "a '1', b '2' or '3' and c '4'",
    ],
  ])('%j', (parts, expected) => {
    expect(describeFilters(parts)).toBe(expected);
  });
});

it('says which filters hide everything and clears them', async () => {
  const onClear = vi.fn();
  renderWithQueryClient(
    <NoMatches
      what="sessions"
      filters={[{ name: 'status', values: ['Waiting'] }]}
      onClear={onClear}
    />,
  );
  expect(screen.getByText("No sessions match status 'Waiting'.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(onClear).toHaveBeenCalledOnce();
});
