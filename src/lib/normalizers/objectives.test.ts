import { describe, expect, it } from 'vitest';
import { normalizeObjectives } from './objectives';

const campaign = [
  { key: 'has_cscs_card', label: 'Holds a CSCS card' },
  { key: 'available_from', label: 'Availability' },
  { key: 'interview_booked', label: 'Interview booked' },
];

/** Only the fields a case is about; the rest are the defaults of a not-achieved objective. */
const row = (key: string, label: string, rest: Record<string, unknown> = {}) => ({
  key,
  label,
  achieved: false,
  value: null,
  at: null,
  source: null,
  ...rest,
});

describe('normalizeObjectives', () => {
  it('follows the campaign order and labels, then the data’s other keys', () => {
    expect(
      normalizeObjectives(
        { day_rate_expectation: 220, interview_booked: true, has_cscs_card: 'yes' },
        campaign,
      ),
    ).toEqual([
      row('has_cscs_card', 'Holds a CSCS card', { achieved: true }),
      row('available_from', 'Availability'),
      row('interview_booked', 'Interview booked', { achieved: true }),
      row('day_rate_expectation', 'Day rate expectation', { achieved: true, value: '220' }),
    ]);
  });

  it.each([
    ['true', true, { achieved: true }],
    ['false', false, {}],
    ['"yes"', 'yes', { achieved: true }],
    ['"Yes "', 'Yes ', { achieved: true }],
    ['"no"', 'no', {}],
    ['"true"', 'true', { achieved: true }],
    ['"false"', 'false', {}],
    ['""', '', {}],
    ['free text', ' Monday ', { achieved: true, value: 'Monday' }],
    ['0', 0, {}],
    ['1 (a flag)', 1, { achieved: true }],
    ['220', 220, { achieved: true, value: '220' }],
    ['NaN', Number.NaN, {}],
    ['null', null, {}],
    ['a list', ['Mon', 'Tue'], { achieved: true, value: 'Mon, Tue' }],
    ['an empty list', [], {}],
    [
      '{achieved, at, source}',
      { achieved: true, at: '2026-11-24 14:05:00+00', source: 'call' },
      { achieved: true, at: '2026-11-24T14:05:00.000Z', source: 'call' },
    ],
    [
      '{value, achieved_at} (achieved by its value)',
      { value: 'Monday', achieved_at: '2026-11-24T14:05:00Z', source: 'whatsapp' },
      { achieved: true, value: 'Monday', at: '2026-11-24T14:05:00.000Z', source: 'whatsapp' },
    ],
    ['{achieved: "no"}', { achieved: 'no', source: 'call' }, { source: 'call' }],
    ['{achieved: false, value}', { achieved: false, value: 'Friday' }, { value: 'Friday' }],
    [
      'only a time (so achieved), epoch seconds',
      { at: 1_795_529_100 },
      { achieved: true, at: '2026-11-24T14:05:00.000Z' },
    ],
    [
      'epoch milliseconds',
      { achieved: true, at: 1_795_529_100_000 },
      { achieved: true, at: '2026-11-24T14:05:00.000Z' },
    ],
    ['a time that is no date', { achieved: true, at: 'Monday' }, { achieved: true }],
    ['an object it does not know', { foo: 1 }, { value: '{"foo":1}' }],
    ['an empty object', {}, {}],
  ])('a value of %s', (_name, value, expected) => {
    expect(normalizeObjectives({ has_cscs_card: value })).toEqual([
      row('has_cscs_card', 'Has CSCS card', expected),
    ]);
  });

  it.each([
    ['not a list', 'nonsense'],
    ['null', null],
    ['garbage items', [null, 3, {}, { label: 'No key' }, { key: '  ' }, { key: 7 }]],
  ])('ignores campaign objectives that are %s', (_name, objectives) => {
    expect(normalizeObjectives({ has_cscs_card: true }, objectives)).toEqual([
      row('has_cscs_card', 'Has CSCS card', { achieved: true }),
    ]);
  });

  it.each([
    ['plain keys', ['has_cscs_card']],
    ['a {key: label} map', { has_cscs_card: 'CSCS' }],
    ['JSON text', '[{"key":"has_cscs_card","label":"CSCS"}]'],
    ['a blank label', [{ key: 'has_cscs_card', label: ' ' }]],
    [
      'a key twice',
      [
        { key: 'has_cscs_card', label: 'CSCS' },
        { key: 'has_cscs_card', label: 'Again' },
      ],
    ],
  ])('reads campaign objectives given as %s', (_name, objectives) => {
    const [first] = normalizeObjectives({}, objectives);
    expect(first?.key).toBe('has_cscs_card');
    expect(['CSCS', 'Has CSCS card']).toContain(first?.label);
  });

  it.each([
    ['JSON text of an object', '{"has_cscs_card": true}'],
    ['a list of achieved keys', ['has_cscs_card']],
    ['a list of {key, achieved}', [{ key: 'has_cscs_card', achieved: true }]],
  ])('reads objectives stored as %s', (_name, raw) => {
    expect(normalizeObjectives(raw)).toEqual([
      row('has_cscs_card', 'Has CSCS card', { achieved: true }),
    ]);
  });

  it.each([null, undefined, 'text', 42, [], {}])('has no rows for %j without a campaign', (raw) => {
    expect(normalizeObjectives(raw)).toEqual([]);
  });
});
