import { describe, expect, it } from 'vitest';
import {
  candidateFocusOf,
  candidateTabOf,
  withCandidate,
  withoutCandidate,
} from './candidate-link';

describe('candidate links', () => {
  it('opens the dialog on a tab with a focus, keeping other parameters', () => {
    const params = withCandidate(
      new URLSearchParams('q=dave&message=1'),
      '+447853723604',
      'calls',
      {
        call: 'call_1',
      },
    );
    expect(params.toString()).toBe('q=dave&candidate=%2B447853723604&tab=calls&call=call_1');
    expect(candidateTabOf(params)).toBe('calls');
    expect(candidateFocusOf(params)).toEqual({ call: 'call_1' });
    const found = withCandidate(params, '+447853723604', 'calls', { call: 'c2', find: 'van' });
    expect(candidateFocusOf(found)).toEqual({ call: 'c2', find: 'van' });
    // a new focus drops the words of the last one
    expect(candidateFocusOf(withCandidate(found, '+447853723604', 'chat', { message: 3 }))).toEqual(
      {
        message: 3,
      },
    );
  });

  it('closes the dialog with its focus, keeping other parameters', () => {
    const params = new URLSearchParams(
      'stage=offer&candidate=%2B44&tab=chat&message=12&call=x&find=van',
    );
    expect(withoutCandidate(params).toString()).toBe('stage=offer');
  });

  it.each([
    ['tab=nonsense', 'info', {}],
    ['tab=chat&message=2808', 'chat', { message: 2808 }],
    ['tab=chat&message=abc', 'chat', {}],
    ['tab=chat&message=', 'chat', {}],
    ['tab=calls&call=c1&find=own+van', 'calls', { call: 'c1', find: 'own van' }],
    // words to find belong to a call's transcript: without one they mean nothing
    ['tab=calls&find=van', 'calls', {}],
  ])('reads %s', (search, tab, focus) => {
    const params = new URLSearchParams(search);
    expect(candidateTabOf(params)).toBe(tab);
    expect(candidateFocusOf(params)).toEqual(focus);
  });
});
