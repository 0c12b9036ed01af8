import { describe, expect, it } from 'vitest';
import { parseSearchView, searchFilters, searchHref, withSearchView } from './search-view';

describe('the Search page URL', () => {
  it('round-trips every filter and leaves the other parameters', () => {
    const view = {
      query: '"plumbing role" café',
      campaign: 'Plumber - London',
      kind: 'call' as const,
      sender: 'user' as const,
      from: '2026-11-01',
      to: '2026-11-30',
    };
    const params = withSearchView(new URLSearchParams('candidate=%2B447700900811'), view);
    expect(parseSearchView(params)).toEqual(view);
    expect(params.get('candidate')).toBe('+447700900811');
    expect(parseSearchView(withSearchView(params, { kind: null, from: '' }))).toMatchObject({
      kind: null,
      from: null,
    });
  });

  it.each([
    ['kind=sms', { kind: null }],
    ['sender=robot', { sender: null }],
    ['from=2026-13-45&to=yesterday', { from: null, to: null }],
    ['campaign=', { campaign: null }],
    ['', { query: '' }],
  ])('drops the malformed %s', (search, expected) => {
    expect(parseSearchView(new URLSearchParams(search))).toMatchObject(expected);
  });

  it('days become instants, the last day included', () => {
    const filters = searchFilters({
      ...parseSearchView(new URLSearchParams('q=van&from=2026-11-01&to=2026-11-01')),
    });
    expect(new Date(filters.to!).getTime() - new Date(filters.from!).getTime()).toBe(86_400_000);
    expect(filters.query).toBe('van');
  });

  it('the header link is a new search', () => {
    expect(searchHref('  cscs card ')).toBe('/search?q=cscs+card');
  });
});
