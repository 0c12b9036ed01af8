import { describe, expect, it } from 'vitest';
import {
  digitsOf,
  formatDuration,
  formatPhone,
  humanizeKey,
  normalizeAnalysis,
  normalizeMessage,
  normalizeObjectives,
  normalizePhone,
  parseTranscript,
  phoneVariants,
} from '.';

const fail = () => {
  throw new Error('hostile');
};

function oddValues(): [string, unknown][] {
  const circular: Record<string, unknown> = { type: 'human' };
  circular.content = circular;
  circular.self = circular;
  const circularList: unknown[] = [];
  circularList.push(circularList);
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  let deep: unknown = 'bottom';
  for (let i = 0; i < 100_000; i += 1) deep = { content: deep, value: deep };
  const hostile = {
    toString: fail,
    valueOf: fail,
    toJSON: fail,
    [Symbol.toPrimitive]: fail,
  };
  const withGetters = Object.defineProperties(
    {},
    Object.fromEntries(
      ['type', 'role', 'content', 'text', 'data', 'achieved', 'at', 'summary', 'key', 'label'].map(
        (key) => [key, { get: fail, enumerable: true }],
      ),
    ),
  );
  const trap = new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail });
  const huge = 'x'.repeat(1_000_000);
  return [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['false', false],
    ['0', 0],
    ['-0', -0],
    ['-1', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['max', Number.MAX_VALUE],
    ['bigint', 2n ** 80n],
    ['symbol', Symbol('odd')],
    ['function', fail],
    ['empty string', ''],
    ['control characters', '\u0000\u0007\u202e'],
    ['lone surrogate', '\ud800'],
    ['huge string', huge],
    ['huge JSON-looking string', `[${huge}`],
    [
      'huge JSON list',
      JSON.stringify(Array.from({ length: 20_000 }, () => ({ role: 'user', content: 'hi' }))),
    ],
    ['broken JSON', '{"type":"human","content":'],
    ['JSON null', 'null'],
    ['empty array', []],
    ['sparse array', new Array(5)],
    ['nested arrays', [[[[[]]]]]],
    ['empty object', {}],
    ['null prototype', Object.create(null)],
    ['__proto__ key', JSON.parse('{"__proto__": {"achieved": true}, "constructor": 1}')],
    ['Date', new Date('invalid')],
    ['Map', new Map([['a', 1]])],
    ['typed array', new Uint8Array(4)],
    ['nested objects', { a: { b: { c: { d: {} } } }, content: [{ text: { text: 1 } }] }],
    ['deep nesting', deep],
    ['throwing toString', hostile],
    ['hostile values inside', { type: 'human', content: [hostile], role: hostile, at: hostile }],
    ['throwing getters', withGetters],
    ['circular object', circular],
    ['circular array', circularList],
    ['circular inside analysis', { summary: circular, data: circular, list: [circular] }],
    ['proxy that throws', trap],
    ['revoked proxy', revoked],
  ];
}

const normalizers: [string, (value: unknown) => unknown][] = [
  ['normalizePhone', normalizePhone],
  ['phoneVariants', phoneVariants],
  ['formatPhone', formatPhone],
  ['digitsOf', digitsOf],
  ['normalizeMessage', normalizeMessage],
  ['normalizeAnalysis', normalizeAnalysis],
  ['parseTranscript', parseTranscript],
  ['formatDuration', formatDuration],
  ['normalizeObjectives', (value) => normalizeObjectives(value)],
  ['normalizeObjectives (as campaign list)', (value) => normalizeObjectives({ a: true }, value)],
  ['normalizeObjectives (both)', (value) => normalizeObjectives(value, value)],
  ['humanizeKey', humanizeKey],
];

describe.each(normalizers)('%s is total', (_name, normalize) => {
  it.each(oddValues())('on %s', (_label, value) => {
    expect(() => normalize(value)).not.toThrow();
  });
});

describe('results keep their shape on odd input', () => {
  it.each(oddValues())('%s', (_label, value) => {
    expect(typeof formatDuration(value)).toBe('string');
    expect(typeof formatPhone(value)).toBe('string');
    expect(Array.isArray(phoneVariants(value))).toBe(true);
    expect(Array.isArray(parseTranscript(value))).toBe(true);
    const message = normalizeMessage(value);
    expect(typeof message.text).toBe('string');
    expect(message.raw).toBe(value);
    const analysis = normalizeAnalysis(value);
    expect(analysis.raw).toBe(value);
    for (const field of analysis.fields) expect(typeof field.value).toBe('string');
    for (const objective of normalizeObjectives(value, value)) {
      expect(typeof objective.key).toBe('string');
      expect(typeof objective.label).toBe('string');
      expect(typeof objective.achieved).toBe('boolean');
    }
  });
});
