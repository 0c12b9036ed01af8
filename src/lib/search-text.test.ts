import { describe, expect, it } from 'vitest';
import { firstMatch, searchQueryProblem, snippetParts } from './search-text';

const S = '\u0002';
const E = '\u0003';

describe('snippetParts', () => {
  it('splits a marked snippet into text and matches', () => {
    expect(snippetParts(`about the ${S}Plumber${E} role in ${S}Wembley${E}.`)).toEqual([
      { text: 'about the ', match: false },
      { text: 'Plumber', match: true },
      { text: ' role in ', match: false },
      { text: 'Wembley', match: true },
      { text: '.', match: false },
    ]);
  });

  it('joins adjacent matches and keeps markup as text', () => {
    expect(snippetParts(`${S}CSCS${E} ${S}card${E} <b>x</b>`)).toEqual([
      { text: 'CSCS', match: true },
      { text: ' ', match: false },
      { text: 'card', match: true },
      { text: ' <b>x</b>', match: false },
    ]);
  });

  // Generated: any string of text and stray markers comes back as parts whose text is the input
  // without markers, with no empty part and no two neighbours alike.
  it('is total over stray, nested and missing markers', () => {
    const alphabet = ['a', ' ', S, E, 'é', '<', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let run = 0; run < 500; run += 1) {
      const input = Array.from(
        { length: next() % 20 },
        () => alphabet[next() % alphabet.length],
      ).join('');
      const parts = snippetParts(input);
      expect(parts.map((p) => p.text).join('')).toBe(input.replaceAll(S, '').replaceAll(E, ''));
      expect(parts.every((p) => p.text !== '')).toBe(true);
      expect(parts.every((p, i) => i === 0 || parts[i - 1]!.match !== p.match)).toBe(true);
    }
    expect(snippetParts(null)).toEqual([]);
  });

  it('names the first match for the transcript search', () => {
    expect(firstMatch(snippetParts(`a ${S} van ${E} b`))).toBe('van');
    expect(firstMatch(snippetParts('no match'))).toBeNull();
  });
});

describe('searchQueryProblem', () => {
  it.each([
    ['', /Type a word/],
    ['   ', /Type a word/],
    ['a', /at least 2/],
    ['👍', /at least 2/],
  ])('refuses %j', (query, message) => {
    expect(searchQueryProblem(query)).toMatch(message);
  });

  it.each(['ab', '"plumbing role"', '07700 900123', 'café', '👍👍'])('accepts %j', (query) => {
    expect(searchQueryProblem(query)).toBeNull();
  });
});
