import { describe, expect, it } from 'vitest';
import { ATTENTION_REASONS, type AttentionReason } from '@/lib/attention-types';
import { describeReason, formatSpan, reasonLabel } from './attention-reason-text';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const reason = (code: string, extra: Partial<AttentionReason> = {}): AttentionReason => ({
  reason: code,
  openedAt: null,
  since: null,
  threshold: null,
  callId: null,
  achieved: null,
  objectives: null,
  ...extra,
});

describe('reason words', () => {
  it('every reason the backend computes has its own words and label, none empty', () => {
    const sentences = ATTENTION_REASONS.map((code) => describeReason(reason(code), 'x', NOW));
    expect(new Set(sentences).size).toBe(ATTENTION_REASONS.length);
    for (const code of ATTENTION_REASONS) expect(reasonLabel(code)).not.toMatch(/_/);
  });

  it('says how long the candidate has waited and what the campaign allows', () => {
    const text = describeReason(
      reason('awaiting_reply', { since: '2026-12-04T11:46:00Z', threshold: 10 }),
      'active',
      NOW,
    );
    expect(text).toBe(
      'The candidate wrote and the agent has not answered for 14 min (the campaign allows 10 min)',
    );
  });

  it('names an unknown status and a reason code it does not know, never drops them', () => {
    expect(describeReason(reason('unknown_status'), 'on_hold', NOW)).toContain('"on_hold"');
    expect(describeReason(reason('new_thing'), null, NOW)).toBe('New thing');
  });

  it('silent midway gives the objectives reached', () => {
    const text = describeReason(
      reason('silent_midway', {
        since: '2026-12-02T12:00:00Z',
        achieved: 2,
        objectives: 4,
        threshold: 24,
      }),
      'active',
      NOW,
    );
    expect(text).toBe(
      'No activity for 2 days midway through the objectives (2 of 4 reached); the campaign allows 24 hours',
    );
  });

  it('spans round down to what has fully passed', () => {
    const cases: Array<[number, string]> = [
      [0, '0 min'],
      [59_999, '0 min'],
      [60 * 60_000, '1 h'],
      [(60 + 5) * 60_000, '1 h 5 min'],
      [48 * 3_600_000, '2 days'],
      [-5_000, '0 min'],
    ];
    for (const [ms, text] of cases) expect(formatSpan(ms)).toBe(text);
  });
});
