import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { localDay } from '@/lib/format';
import { useNow } from './use-now';
import { useToday } from './use-today';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const renders = vi.fn();
function Today() {
  renders();
  return <p>{useToday() - localDay(new Date(2026, 10, 26))}</p>;
}

it('draws its users again at local midnight, and only then', async () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 23, 59) });
  renders.mockClear();
  const { unmount } = render(<Today />);
  expect(screen.getByText('0')).toBeInTheDocument();
  expect(vi.getTimerCount()).toBe(1);

  await act(() => vi.advanceTimersByTimeAsync(59_000));
  expect(screen.getByText('0')).toBeInTheDocument();
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  expect(screen.getByText('1')).toBeInTheDocument();
  // Aimed again at the next midnight.
  await act(() => vi.advanceTimersByTimeAsync(24 * 3_600_000));
  expect(screen.getByText('2')).toBeInTheDocument();
  expect(renders).toHaveBeenCalledTimes(3);

  unmount();
  expect(vi.getTimerCount()).toBe(0);
});

it.each([
  ['the page comes back into view', () => document.dispatchEvent(new Event('visibilitychange'))],
  ['the window gets focus', () => window.dispatchEvent(new Event('focus'))],
])('finds the new day after a sleep when %s', (_, comeBack) => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 18, 0) });
  render(<Today />);
  // The machine slept through the night: the clock moved on, no timer fired.
  vi.setSystemTime(new Date(2026, 10, 27, 8, 30));
  expect(screen.getByText('0')).toBeInTheDocument();

  act(comeBack);
  expect(screen.getByText('1')).toBeInTheDocument();
});

it('does not wake while the page is hidden', () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 18, 0) });
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  render(<Today />);
  vi.setSystemTime(new Date(2026, 10, 27, 8, 30));
  act(() => document.dispatchEvent(new Event('visibilitychange')));
  expect(screen.getByText('0')).toBeInTheDocument();
});

it('finds the new day on a shared clock tick, when the midnight timer slept', async () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 26, 18, 0) });
  function Ticking() {
    useNow(30_000);
    return null;
  }
  render(
    <>
      <Today />
      <Ticking />
    </>,
  );
  vi.setSystemTime(new Date(2026, 10, 27, 8, 30));
  await act(() => vi.advanceTimersByTimeAsync(30_000));
  expect(screen.getByText('1')).toBeInTheDocument();
});
