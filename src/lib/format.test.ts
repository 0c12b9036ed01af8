import { describe, expect, it, vi } from 'vitest';
import { formatDateTime, formatRelative, localDay } from './format';

// Local times, so the cases hold in whatever zone the tests run.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

describe('formatRelative', () => {
  it.each([
    ['20 s ago', at(26, 9), new Date(at(26, 9).getTime() - 20_000), 'just now'],
    ['a clock a little ahead', at(26, 9), new Date(at(26, 9).getTime() + 30_000), 'just now'],
    ['12 minutes ago', at(26, 9), at(26, 8, 48), '12 min ago'],
    ['under the hour, across midnight', at(26, 0, 20), at(25, 23, 30), '50 min ago'],
    ['early today', at(26, 23), at(26, 1), '22 h ago'],
    ['late yesterday, seen in the morning', at(26, 9), at(25, 23), 'Yesterday'],
    ['just before midnight, seen just after', at(26, 0, 30), at(25, 23, 0), 'Yesterday'],
    ['early yesterday, seen late', at(26, 23, 30), at(25, 0, 10), 'Yesterday'],
    // 34 hours: a day and a half by the clock, but two calendar days.
    ['the day before yesterday, late', at(26, 9), at(24, 23), '2 days ago'],
    ['25½ hours over two midnights', at(26, 0, 30), at(24, 23), '2 days ago'],
    ['six days ago', at(26, 9), at(20, 10), '6 days ago'],
  ])('%s', (_, now, date, expected) => {
    expect(formatRelative(date, now.getTime())).toBe(expected);
  });

  it('gives the date from a week ago, and for a time well in the future', () => {
    const now = at(26, 9).getTime();
    expect(formatRelative(at(19, 10), now)).toBe(formatDateTime(at(19, 10)));
    expect(formatRelative(at(26, 9, 2), now)).toBe(formatDateTime(at(26, 9, 2)));
  });
});

describe('formatRelative on the days the clocks change (Europe/London)', () => {
  // Node applies a change of TZ to Date at once (the setup file unstubs it after each test); the
  // test checks it did before trusting the cases.
  const inLondon = () => {
    vi.stubEnv('TZ', 'Europe/London');
    expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(0);
  };

  it.each([
    // Sunday 29 March 2026 has 23 hours: Monday 10:00 is 23 hours after Sunday 10:00.
    ['Monday morning, Sunday morning', [2026, 2, 30, 10], [2026, 2, 29, 10], 'Yesterday'],
    [
      'Monday just after midnight, Saturday night',
      [2026, 2, 30, 0, 30],
      [2026, 2, 28, 23, 45],
      '2 days ago',
    ],
    // Sunday 25 October 2026 has 25 hours: 24 h 20 min on the one day is still today.
    [
      'Sunday night, Sunday just after midnight',
      [2026, 9, 25, 23, 30],
      [2026, 9, 25, 0, 10],
      '24 h ago',
    ],
    [
      'Monday just after midnight, Sunday just after',
      [2026, 9, 26, 0, 30],
      [2026, 9, 25, 0, 10],
      'Yesterday',
    ],
  ] as const)('%s', (_, [y, m, d, h, min = 0], [y2, m2, d2, h2, min2 = 0], expected) => {
    inLondon();
    const now = new Date(y, m, d, h, min);
    const date = new Date(y2, m2, d2, h2, min2);
    expect(formatRelative(date, now.getTime())).toBe(expected);
  });

  it('counts the short and the long day as one day each', () => {
    inLondon();
    expect(localDay(new Date(2026, 2, 30)) - localDay(new Date(2026, 2, 29))).toBe(1);
    expect(localDay(new Date(2026, 9, 26)) - localDay(new Date(2026, 9, 25))).toBe(1);
  });
});
