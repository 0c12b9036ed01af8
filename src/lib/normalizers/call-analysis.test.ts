import { describe, expect, it } from 'vitest';
import { normalizeAnalysis } from './call-analysis';
import analysis from './fixtures/analysis.json';

describe('normalizeAnalysis', () => {
  it.each(analysis)('$name', ({ input, expect: expected }) => {
    expect(normalizeAnalysis(input)).toMatchObject({ ...expected, raw: input });
  });

  it('keeps the rest as labelled fields, one level of nesting flattened', () => {
    const [retell] = analysis;
    expect(normalizeAnalysis(retell?.input).fields).toEqual([
      { key: 'in_voicemail', label: 'In voicemail', value: 'No' },
      { key: 'custom_analysis_data.has_cscs_card', label: 'Has CSCS card', value: 'Yes' },
      {
        key: 'custom_analysis_data.day_rate_expectation',
        label: 'Day rate expectation',
        value: '220',
      },
    ]);
  });

  it.each([
    [
      'vapi structured data',
      analysis[1]?.input,
      [{ key: 'structuredData.voicemail', label: 'Voicemail', value: 'Yes' }],
    ],
    [
      'flat custom keys',
      analysis[2]?.input,
      [
        { key: 'interested', label: 'Interested', value: 'Yes' },
        { key: 'availability', label: 'Availability', value: 'weekends only' },
        { key: 'notes', label: 'Notes', value: 'Prefers WhatsApp' },
      ],
    ],
    [
      'values of every kind',
      {
        trades: ['plumbing', 'heating', 7, true],
        none: [],
        missing: null,
        blank: ' ',
        score: 8.5,
        deep: { candidate: { name: 'Dave' } },
        objects: [{ a: 1 }],
      },
      [
        { key: 'trades', label: 'Trades', value: 'plumbing, heating, 7, Yes' },
        { key: 'none', label: 'None', value: 'N/A' },
        { key: 'missing', label: 'Missing', value: 'N/A' },
        { key: 'blank', label: 'Blank', value: 'N/A' },
        { key: 'score', label: 'Score', value: '8.5' },
        { key: 'deep.candidate', label: 'Deep: Candidate', value: '{"name":"Dave"}' },
        { key: 'objects', label: 'Objects', value: '{"a":1}' },
      ],
    ],
  ])('fields: %s', (_name, input, fields) => {
    expect(normalizeAnalysis(input).fields).toEqual(fields);
  });

  it.each([
    ['"true"', 'true', true],
    ['"False"', 'False', false],
    ['"pass"', 'pass', true],
    ['"Failed"', 'Failed', false],
    ['a numeric score (scale unknown)', 8, null],
    ['a numeric string', '8', null],
    ['a descriptive score', 'Good', null],
  ])('successEvaluation %s', (_name, successEvaluation, successful) => {
    const result = normalizeAnalysis({ summary: 'x', successEvaluation });
    expect(result.successful).toBe(successful);
    // A verdict that is not surfaced stays readable in the table.
    expect(result.fields).toEqual(
      successful === null
        ? [
            {
              key: 'successEvaluation',
              label: 'Success evaluation',
              value: String(successEvaluation),
            },
          ]
        : [],
    );
  });

  it.each([
    [
      'JSON string of an object',
      '{"call_summary":"Booked for Monday","user_sentiment":"Neutral"}',
      { summary: 'Booked for Monday', sentiment: 'Neutral', successful: null, fields: [] },
    ],
    [
      'vapi call with analysis inside',
      { analysis: { summary: 'Left a message', successEvaluation: true }, cost: 0.12 },
      {
        summary: 'Left a message',
        sentiment: null,
        successful: true,
        fields: [{ key: 'cost', label: 'Cost', value: '0.12' }],
      },
    ],
    [
      'top-level key wins over a nested one',
      { summary: 'Top', data: { summary: 'Nested' } },
      {
        summary: 'Top',
        sentiment: null,
        successful: null,
        fields: [{ key: 'data.summary', label: 'Summary', value: 'Nested' }],
      },
    ],
    [
      'blank summary left in fields',
      { summary: '  ', callSummary: 'Real one' },
      {
        summary: 'Real one',
        sentiment: null,
        successful: null,
        fields: [{ key: 'summary', label: 'Summary', value: 'N/A' }],
      },
    ],
    ['blank string', '   ', { summary: null, sentiment: null, successful: null, fields: [] }],
    ['undefined', undefined, { summary: null, sentiment: null, successful: null, fields: [] }],
    [
      'a number',
      42,
      {
        summary: null,
        sentiment: null,
        successful: null,
        fields: [{ key: 'value', label: 'Value', value: '42' }],
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(normalizeAnalysis(input)).toEqual({ ...expected, raw: input });
  });
});
