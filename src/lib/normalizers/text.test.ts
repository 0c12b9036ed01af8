import { describe, expect, it } from 'vitest';
import { compactJson, humanizeKey, roleOf } from './text';

describe('humanizeKey', () => {
  it.each([
    ['has_cscs_card', 'Has CSCS card'],
    ['day_rate_expectation', 'Day rate expectation'],
    ['dayRateExpectation', 'Day rate expectation'],
    ['hasCSCSCard', 'Has CSCS card'],
    ['hasECSCard', 'Has ECS card'],
    ['DAY_RATE', 'Day rate'],
    ['nvq-level-3', 'NVQ level 3'],
    ['dbs_check', 'DBS check'],
    ['uk_driving_licence', 'UK driving licence'],
    ['question1Answer', 'Question1 answer'],
    ['  spaced   out  ', 'Spaced out'],
    ['__', ''],
    ['', ''],
    [42, ''],
  ])('%j → %j', (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });

  // No timing asserted (DESIGN §7: timings live in the bench); a quadratic pass would hit the test timeout.
  it('handles a huge key', () => {
    expect(humanizeKey('A'.repeat(1_000_000) + 'b')).toHaveLength(1_000_002);
  });
});

describe('roleOf', () => {
  it.each([
    ['Human', 'user'],
    [' assistant ', 'agent'],
    ['AIMessage', 'agent'],
    ['function', 'tool'],
    ['developer', 'system'],
    ['note', 'unknown'],
    [null, 'unknown'],
  ])('%j → %s', (label, role) => {
    expect(roleOf(label)).toBe(role);
  });
});

describe('compactJson', () => {
  it('marks cycles, shows BigInt and repeats shared (non-cyclic) objects', () => {
    const shared = { x: 1 };
    const value: Record<string, unknown> = { a: shared, b: shared, n: 10n };
    value.self = value;
    expect(compactJson(value)).toBe('{"a":{"x":1},"b":{"x":1},"n":"10","self":"[Circular]"}');
  });

  it('never throws', () => {
    const hostile = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(compactJson(hostile)).toBe('[unreadable value]');
    expect(compactJson(undefined)).toBe('undefined');
  });
});
