import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [65, '1:05'],
    [59.4, '0:59'],
    [59.6, '1:00'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3661, '1:01:01'],
    [36_000, '10:00:00'],
    ['125', '2:05'],
    [' 42 ', '0:42'],
    ['90.5', '1:31'],
    [90n, '1:30'],
    [null, 'N/A'],
    [undefined, 'N/A'],
    [-1, 'N/A'],
    [Number.NaN, 'N/A'],
    [Number.POSITIVE_INFINITY, 'N/A'],
    ['', 'N/A'],
    ['  ', 'N/A'],
    ['abc', 'N/A'],
    ['1:30', 'N/A'],
    [true, 'N/A'],
    [{}, 'N/A'],
  ])('%o → %s', (input, shown) => {
    expect(formatDuration(input)).toBe(shown);
  });
});
