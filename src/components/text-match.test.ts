import { describe, expect, it } from 'vitest';
import { splitMatches, textMatcher } from './text-match';

describe('splitMatches', () => {
  it.each([
    ['no query', 'Hello Dave', '', [{ text: 'Hello Dave', match: false }]],
    [
      'any case, every match',
      'Dave, dave!',
      'DAVE',
      [
        { text: 'Dave', match: true },
        { text: ', ', match: false },
        { text: 'dave', match: true },
        { text: '!', match: false },
      ],
    ],
    [
      'regex characters as text',
      '£255/day (CIS)',
      '(cis)',
      [
        { text: '£255/day ', match: false },
        { text: '(CIS)', match: true },
      ],
    ],
    [
      'markup as text',
      '<img src=x>',
      '<img',
      [
        { text: '<img', match: true },
        { text: ' src=x>', match: false },
      ],
    ],
    ['no match', 'Hello', 'bye', [{ text: 'Hello', match: false }]],
  ])('%s', (_name, text, query, parts) => {
    expect(splitMatches(text, query)).toEqual(parts);
  });
});

describe('textMatcher', () => {
  it('is null for a blank query and matches any case otherwise', () => {
    expect(textMatcher('   ')).toBeNull();
    const matches = textMatcher(' cscs ');
    expect(matches?.('Blue CSCS card')).toBe(true);
    expect(matches?.('passport')).toBe(false);
  });
});
