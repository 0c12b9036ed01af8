import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createKeyedThrottle } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('runs at once, then once more at the end of the interval for a burst, per key', () => {
  const throttle = createKeyedThrottle(2_000);
  const a = vi.fn();
  const b = vi.fn();
  throttle.schedule('a', a);
  throttle.schedule('a', a);
  throttle.schedule('a', a);
  throttle.schedule('b', b);
  expect(a).toHaveBeenCalledTimes(1);
  expect(b).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1_999);
  expect(a).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1);
  expect(a).toHaveBeenCalledTimes(2);
  vi.advanceTimersByTime(5_000);
  expect(a).toHaveBeenCalledTimes(2);
  throttle.schedule('a', a);
  expect(a).toHaveBeenCalledTimes(3);
});

it('cancelAll drops what is pending', () => {
  const throttle = createKeyedThrottle(2_000);
  const task = vi.fn();
  throttle.schedule('k', task);
  throttle.schedule('k', task);
  throttle.cancelAll();
  vi.advanceTimersByTime(5_000);
  expect(task).toHaveBeenCalledTimes(1);
});
