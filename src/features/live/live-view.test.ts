import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STALL_AFTER,
  FIRST_LIMIT,
  clearFilters,
  filterParts,
  hasFilters,
  isStalled,
  nextLimit,
  readLiveView,
  writeLiveView,
} from './live-view';

const params = (query: string) => new URLSearchParams(query);

describe('readLiveView', () => {
  it.each([
    ['', { campaign: null, statuses: [], search: '', stallAfter: '1h', limit: 50 }],
    [
      'campaign=Plumber+-+London&status=waiting,Active&q=+0785+&stalled=4h&show=200',
      {
        campaign: 'Plumber - London',
        statuses: ['waiting', 'active'],
        search: '0785',
        stallAfter: '4h',
        limit: 200,
      },
    ],
    ['status=,active,,active', { statuses: ['active'] }],
    ['stalled=2h', { stallAfter: DEFAULT_STALL_AFTER }],
    ['show=abc', { limit: FIRST_LIMIT }],
    ['show=10', { limit: FIRST_LIMIT }],
    ['show=5000', { limit: 1000 }],
  ])('%s', (query, expected) => {
    expect(readLiveView(params(query))).toMatchObject(expected);
  });
});

describe('writeLiveView', () => {
  it('keeps other parameters (the open candidate) and leaves defaults out', () => {
    const next = writeLiveView(params('candidate=%2B447853723604&tab=chat&stalled=4h&show=100'), {
      campaign: 'Plumber - London',
      statuses: ['waiting', 'active'],
      search: '  smith ',
      stallAfter: '1h',
      limit: 50,
    });
    expect(next.toString()).toBe(
      'candidate=%2B447853723604&tab=chat&campaign=Plumber+-+London&status=waiting%2Cactive&q=smith',
    );
  });

  it('round-trips through the URL', () => {
    const view = {
      campaign: 'Gas Engineer - Birmingham',
      statuses: ['opted_out'],
      search: 'Jane',
      stallAfter: '24h' as const,
      limit: 400,
    };
    expect(readLiveView(writeLiveView(params(''), view))).toEqual(view);
  });

  it('clearFilters drops the filters but keeps the stall threshold and the candidate', () => {
    const cleared = clearFilters(
      params('campaign=X&status=active&q=1&stalled=15m&show=100&candidate=1'),
    );
    expect(cleared.toString()).toBe('stalled=15m&candidate=1');
    expect(hasFilters(readLiveView(cleared))).toBe(false);
  });
});

it('nextLimit doubles up to 1,000', () => {
  expect([50, 100, 200, 400, 800, 1000].map(nextLimit)).toEqual([100, 200, 400, 800, 1000, 1000]);
});

describe('isStalled', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  const hour = 60 * 60_000;
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  it.each([
    ['active, quiet for 61 min', { status: 'active', lastActivity: at(61) }, true],
    ['waiting, quiet for 2 h', { status: 'Waiting', lastActivity: at(120) }, true],
    ['active, quiet for 59 min', { status: 'active', lastActivity: at(59) }, false],
    [
      'completed long ago (meant to be quiet)',
      { status: 'completed', lastActivity: at(600) },
      false,
    ],
    ['opted out long ago', { status: 'opted_out', lastActivity: at(600) }, false],
    ['no status', { status: null, lastActivity: at(600) }, false],
    [
      'no activity: falls back to created',
      { status: 'active', lastActivity: null, createdAt: at(90) },
      true,
    ],
    ['no times at all', { status: 'active', lastActivity: null }, false],
    ['unreadable time', { status: 'active', lastActivity: 'yesterday-ish' }, false],
  ])('%s', (_name, session, expected) => {
    expect(isStalled({ createdAt: null, ...session }, hour, now)).toBe(expected);
  });
});

it('filterParts names the filters with status labels', () => {
  expect(filterParts({ campaign: 'X', statuses: ['waiting', 'opted_out'], search: '' })).toEqual([
    { name: 'campaign', values: ['X'] },
    { name: 'status', values: ['Waiting', 'Opted out'] },
    { name: 'search', values: [] },
  ]);
});
