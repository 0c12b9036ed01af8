import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ConnectionIndicator } from './connection-indicator';

afterEach(() => {
  vi.useRealTimers();
});

it('while not live, says how old the data is, ticking, at every width', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
  render(<ConnectionIndicator status="offline" lastSyncedAt={Date.now() - 12 * 60_000} />);
  expect(screen.getByRole('status')).toHaveTextContent('Offline');
  const age = screen.getByText(/min ago/);
  expect(age).toHaveTextContent('· data from 12 min ago');
  expect(age).not.toHaveClass('hidden');
  // Below lg, where the header is full, the age alone: "Offline · 12 min ago".
  expect(screen.getByText(/data from/)).toHaveClass('hidden', 'lg:inline');

  await act(() => vi.advanceTimersByTimeAsync(60_000));
  expect(age).toHaveTextContent('· data from 13 min ago');
  // The live region is the word alone: the age is not announced every second.
  expect(screen.getByRole('status')).toHaveTextContent(/^Offline$/);
});

it('while live, shows the time of the last sync on wider screens, and no age', () => {
  render(<ConnectionIndicator status="live" lastSyncedAt={Date.now()} />);
  expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
  expect(screen.queryByText(/data from/)).not.toBeInTheDocument();
  expect(screen.getByText(/synced \d\d:\d\d:\d\d/)).toHaveClass('hidden', 'sm:inline');
});
