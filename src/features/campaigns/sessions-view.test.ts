import { describe, expect, it } from 'vitest';
import type { CampaignFunnelStep } from '@/lib/backend-types';
import {
  funnelSelection,
  isFunnelSelected,
  readSessionsView,
  sessionFilterParts,
  sessionFilters,
  writeSessionsView,
} from './sessions-view';

const step = (kind: CampaignFunnelStep['step'], objectiveKey: string | null = null) => ({
  step: kind,
  objectiveKey,
  label: objectiveKey ?? kind,
  sessions: 1,
  share: 1,
});

describe('readSessionsView', () => {
  it.each([
    ['', { statuses: [], reached: null, objective: null, limit: 100 }],
    [
      'status=waiting&reached=called&objective=replied&show=300',
      { statuses: ['waiting'], reached: 'called', objective: 'replied', limit: 300 },
    ],
    ['reached=everything', { reached: null }],
    ['show=99999', { limit: 1000 }],
  ])('%s', (query, expected) => {
    expect(readSessionsView(new URLSearchParams(query))).toMatchObject(expected);
  });
});

it('writeSessionsView keeps other parameters and drops defaults', () => {
  const next = writeSessionsView(new URLSearchParams('candidate=1&show=200&reached=replied'), {
    statuses: ['active', 'waiting'],
    reached: null,
    objective: 'interview_booked',
    limit: 100,
  });
  expect(next.toString()).toBe('candidate=1&status=active%2Cwaiting&objective=interview_booked');
});

describe('a funnel bar selects exactly its sessions', () => {
  it.each([
    [step('contacts'), { replied: null, called: null, objective: null }],
    [step('replied'), { replied: true, called: null, objective: null }],
    [step('called'), { replied: null, called: true, objective: null }],
    // An objective whose key is "replied" is the objective, not the funnel step.
    [step('objective', 'replied'), { replied: null, called: null, objective: 'replied' }],
  ])('%j', (bar, filters) => {
    const view = readSessionsView(
      writeSessionsView(new URLSearchParams('status=waiting&show=300'), funnelSelection(bar)),
    );
    expect(sessionFilters(view)).toEqual({ statuses: ['waiting'], limit: 100, ...filters });
    expect(isFunnelSelected(view, bar)).toBe(true);
    const others = [
      step('contacts'),
      step('replied'),
      step('called'),
      step('objective', 'replied'),
    ];
    expect(others.filter((b) => isFunnelSelected(view, b))).toEqual([bar]);
  });
});

it('sessionFilterParts uses the objective label', () => {
  const view = readSessionsView(new URLSearchParams('status=opted_out&objective=nvq'));
  expect(sessionFilterParts(view, [{ key: 'nvq', label: 'NVQ Level 3' }])).toEqual([
    { name: 'status', values: ['Opted out'] },
    { name: 'step', values: [] },
    { name: 'objective', values: ['NVQ Level 3'] },
  ]);
});
