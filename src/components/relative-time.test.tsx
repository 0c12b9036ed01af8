import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { RelativeTime } from './relative-time';
import { UpdatedAgo } from './updated-ago';

afterEach(() => {
  vi.useRealTimers();
});

it('keeps many relative times current on one shared timer', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
  const at = new Date(Date.now() - 20_000).toISOString();
  const { unmount } = render(
    <ul>
      {Array.from({ length: 50 }, (_, i) => (
        <li key={i}>
          <RelativeTime value={at} />
        </li>
      ))}
    </ul>,
  );
  expect(screen.getAllByText('just now')).toHaveLength(50);
  // The 30 s clock, and the midnight timer every clock shares.
  expect(vi.getTimerCount()).toBe(2);

  await act(() => vi.advanceTimersByTimeAsync(30_000));
  expect(screen.getAllByText('1 min ago')).toHaveLength(50);

  unmount();
  expect(vi.getTimerCount()).toBe(0);
});

it('gives each interval its own timer, and a late joiner the time now', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
  const at = Date.now();
  const { rerender } = render(<UpdatedAgo prefix="Synced" at={at} />);
  await act(() => vi.advanceTimersByTimeAsync(20_000));
  expect(screen.getByText(/Synced/)).toHaveTextContent('Synced 20 s ago');

  rerender(
    <>
      <UpdatedAgo prefix="Synced" at={at} />
      <RelativeTime value={new Date(at - 30_000).toISOString()} />
    </>,
  );
  // 50 s ago by the time now ("1 min ago"); by the clock's start it would be 30 s ("just now").
  expect(screen.getByText('1 min ago')).toBeInTheDocument();
  expect(vi.getTimerCount()).toBe(3);
});

it('turns "Yesterday" into "2 days ago" at midnight, not at its next tick', async () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 23, 59, 50) });
  render(<RelativeTime value={new Date(2026, 10, 25, 10).toISOString()} />);
  expect(screen.getByText('Yesterday')).toBeInTheDocument();

  // Midnight, 20 s before the 30 s clock would tick.
  await act(() => vi.advanceTimersByTimeAsync(10_000));
  expect(screen.getByText('2 days ago')).toBeInTheDocument();
});

it('reads the time again when the page comes back after a sleep', () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 17, 0) });
  render(<RelativeTime value={new Date(2026, 10, 26, 16, 55).toISOString()} />);
  expect(screen.getByText('5 min ago')).toBeInTheDocument();

  // Asleep overnight: the clock moved on, no timer fired.
  vi.setSystemTime(new Date(2026, 10, 27, 8, 30));
  act(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(screen.getByText('Yesterday')).toBeInTheDocument();
});
