import { describe, expect, it } from 'vitest';
import { normalizeAnalysis } from '../../src/lib/normalizers/call-analysis';
import fixtures from '../../src/lib/normalizers/fixtures/analysis.json';
import { seeded } from '../../src/test/seeded';
import { withDb } from '../support/clients';

// The attention queue reads a call's analysis in SQL (analysis_successful, analysis_sentiment in
// …_backend_attention.sql); the call's page reads it in TypeScript (normalizeAnalysis). Both must
// give the same verdict and sentiment for every shape: the shared fixtures (their copy in
// src/lib/normalizers/fixtures) and generated ones (keys in any case and spelling, nested in
// wrappers, JSON kept as a string, odd values). The TypeScript side reads each value as the
// browser gets it: after a round trip through jsonb.

const SENTIMENT_KEYS = ['user_sentiment', 'Sentiment', 'call-sentiment', 'USER SENTIMENT', 'mood'];
const SUCCESS_KEYS = [
  'call_successful',
  'successEvaluation',
  'Successful',
  'is_successful',
  'outcome',
];
const WRAPPERS = [
  'custom_analysis_data',
  'structuredData',
  'post_call_analysis',
  'analysis',
  'extra',
];
const VALUES: unknown[] = [
  true,
  false,
  'yes',
  'No',
  'PASS',
  ' failed ',
  'maybe',
  1,
  0,
  null,
  '',
  '  Positive ',
  'Negative',
  'neutral',
  [],
  { nested: true },
];

function generated(seed: number): unknown {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const object: Record<string, unknown> = {};
  const target = () => {
    if (random() < 0.4) return object;
    const wrapper = pick(WRAPPERS);
    object[wrapper] ??= {};
    return object[wrapper] as Record<string, unknown>;
  };
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++)
    target()[pick([...SENTIMENT_KEYS, ...SUCCESS_KEYS])] = pick(VALUES);
  if (random() < 0.3) object.summary = 'A summary';
  const shape = random();
  if (shape < 0.1) return JSON.stringify(object);
  if (shape < 0.15) return 'Plain text analysis';
  return object;
}

describe('the analysis readers in SQL and TypeScript agree', () => {
  const inputs = [
    ...fixtures.map((f) => ({ name: f.name, input: f.input })),
    ...Array.from({ length: 400 }, (_, seed) => ({ name: `seed ${seed}`, input: generated(seed) })),
  ];

  it(`on ${inputs.length} analyses: the verdict and the sentiment`, async () => {
    const rows = await withDb(
      async (db) =>
        (
          await db.query<{
            i: number;
            stored: unknown;
            successful: boolean | null;
            sentiment: string | null;
          }>(
            `select x.i::int, x.a as stored, public.analysis_successful(x.a) as successful,
               public.analysis_sentiment(x.a) as sentiment
             from jsonb_array_elements($1::jsonb) with ordinality as x(a, i)
             order by x.i`,
            [JSON.stringify(inputs.map((x) => x.input))],
          )
        ).rows,
    );
    const differ = rows.flatMap((row) => {
      const ts = normalizeAnalysis(row.stored);
      const sql = { successful: row.successful, sentiment: row.sentiment };
      const mine = { successful: ts.successful, sentiment: ts.sentiment };
      return JSON.stringify(sql) === JSON.stringify(mine)
        ? []
        : [{ name: inputs[row.i - 1]!.name, stored: row.stored, sql, ts: mine }];
    });
    expect(differ).toEqual([]);
  });
});
