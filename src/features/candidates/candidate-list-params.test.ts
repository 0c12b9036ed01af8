import { describe, expect, it } from 'vitest';
import { readListParams, writeListParams } from './candidate-list-params';

describe('candidate list parameters', () => {
  it.each([
    ['', { search: '', campaign: null, stage: null, page: 1 }],
    [
      'q=07853+723604&campaign=Plumber+-+London&stage=offer&page=3',
      { search: '07853 723604', campaign: 'Plumber - London', stage: 'offer', page: 3 },
    ],
    ['stage=hired&page=-2', { search: '', campaign: null, stage: null, page: 1 }],
    ['page=2.5', { search: '', campaign: null, stage: null, page: 1 }],
  ])('reads "%s"', (search, state) => {
    expect(readListParams(new URLSearchParams(search))).toEqual(state);
  });

  it('goes back to the first page when a filter changes, keeping the dialog open', () => {
    const params = new URLSearchParams('q=dave&page=4&candidate=%2B447853723604&tab=chat');
    expect(writeListParams(params, { stage: 'offer' }).toString()).toBe(
      'q=dave&candidate=%2B447853723604&tab=chat&stage=offer',
    );
  });

  it('pages, and drops empty values', () => {
    const params = new URLSearchParams('q=dave&stage=offer');
    expect(writeListParams(params, { page: 2 }).toString()).toBe('q=dave&stage=offer&page=2');
    expect(writeListParams(params, { search: '  ', stage: null }).toString()).toBe('');
  });
});
