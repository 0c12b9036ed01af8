import { describe, expect, it } from 'vitest';
import phones from './fixtures/phones.json';
import { digitsOf, formatPhone, normalizePhone, phoneVariants } from './phone';

describe('normalizePhone', () => {
  it.each(phones)('$input', ({ input, expect: e164, reason }) => {
    expect(normalizePhone(input)).toEqual(
      e164 === null ? { ok: false, reason } : { ok: true, e164 },
    );
  });

  it.each([
    ['+44 07853 723604', '+447853723604'],
    ['(07853) 723 604', '+447853723604'],
    ['07853.723.604', '+447853723604'],
    ['7853723604', '+447853723604'],
    ['WhatsApp:+447853723604', '+447853723604'],
    ['tel:+447853723604', '+447853723604'],
    ['447853723604@c.us', '+447853723604'],
    ['447853723604@s.whatsapp.net', '+447853723604'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 6 12 34 56 78', '+33612345678'],
    [447853723604, '+447853723604'],
    [447853723604n, '+447853723604'],
  ])('%o → %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    [null, 'empty'],
    [undefined, 'empty'],
    ['   ', 'empty'],
    ['whatsapp:', 'empty'],
    ['+', 'not a phone number'],
    ['0800-FLOWERS', 'not a phone number'],
    ['07853 723604 ext 12', 'not a phone number'],
    ['44+7853723604', 'not a phone number'],
    ['+0 7853 723604', 'not a phone number'],
    [{}, 'not a phone number'],
    [-447853723604, 'not a phone number'],
    [4.5, 'not a phone number'],
    ['07853', 'too short'],
    ['+44 7853 7236', 'too short'],
    ['+44 7853 723604 1', 'too long'],
    ['9'.repeat(1_000_000), 'too long'],
  ])('%j is rejected: %s', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('phoneVariants', () => {
  const stored = [
    '+447853723604',
    '447853723604',
    '07853723604',
    'whatsapp:+447853723604',
    '+44 7853 723604',
    '07853 723604',
    '447853723604@c.us',
  ];

  it.each(phones.filter((phone) => phone.expect === '+447853723604'))(
    'a lookup by $input finds every stored form',
    ({ input }) => {
      expect(phoneVariants(input)).toEqual(expect.arrayContaining(stored));
    },
  );

  it('lists each form once, E.164 first, none needing quotes in a PostgREST in filter', () => {
    const variants = phoneVariants('+447853723604');
    expect(variants[0]).toBe('+447853723604');
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants.filter((variant) => /[,()"]/.test(variant))).toEqual([]);
  });

  it('gives every variant back as the same number', () => {
    for (const phone of ['+447853723604', '+442079460958', '+14155552671']) {
      for (const variant of phoneVariants(phone)) {
        expect(normalizePhone(variant)).toEqual({ ok: true, e164: phone });
      }
    }
  });

  it('has no UK national forms for other countries', () => {
    expect(phoneVariants('+14155552671')).not.toContain('04155552671');
  });

  it('is empty for what is not a phone number', () => {
    expect(phoneVariants('hello')).toEqual([]);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+447853723604', '+44 7853 723604'],
    ['whatsapp:447853723604', '+44 7853 723604'],
    ['+442079460958', '+44 20 7946 0958'],
    ['+441134960000', '+44 113 496 0000'],
    ['+441632960961', '+44 1632 960961'],
    ['+448001234567', '+44 800 123 4567'],
    ['+14155552671', '+1 415 555 2671'],
    ['+4915123456789', '+49 151 2345 6789'],
    ['+97312345678', '+973 1234 5678'],
    ['  not a number ', 'not a number'],
    [null, ''],
  ])('%j → %j', (input, shown) => {
    expect(formatPhone(input)).toBe(shown);
  });
});

describe('digitsOf', () => {
  it.each([
    ['+447853723604', '447853723604'],
    ['07835 156367', '447835156367'],
    ['hello', ''],
  ])('%j → %j', (input, digits) => {
    expect(digitsOf(input)).toBe(digits);
  });
});
