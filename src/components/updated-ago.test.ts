import { expect, it } from 'vitest';
import { formatAgo } from './updated-ago';

const now = Date.parse('2026-11-26T12:00:00Z');

it.each([
  [0, 'just now'],
  [4_000, 'just now'],
  [12_000, '12 s ago'],
  [59_000, '59 s ago'],
  [60_000, '1 min ago'],
  [3 * 60 * 60_000, '3 h ago'],
  // A clock slightly behind the server's is not "in the future".
  [-3_000, 'just now'],
])('%i ms ago → %s', (ago, expected) => {
  expect(formatAgo(now - ago, now)).toBe(expected);
});
