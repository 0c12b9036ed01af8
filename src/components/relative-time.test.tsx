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
  expect(vi.getTimerCount()).toBe(1);

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
  expect(vi.getTimerCount()).toBe(2);
});
