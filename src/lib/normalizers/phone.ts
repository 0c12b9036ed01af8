import { total } from './text';

export type PhoneError = 'empty' | 'not a phone number' | 'too short' | 'too long';
type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneError };

// Channel prefixes (Twilio `whatsapp:`, `tel:` links) and WhatsApp JID suffixes (WAHA, Baileys).
const CHANNEL_PREFIX = /^(?:whatsapp|tel|sms):/i;
const JID_SUFFIX = /@(?:c\.us|s\.whatsapp\.net)$/i;
// `+44 (0)7853 …`: the bracketed trunk zero is dropped when dialling from abroad.
const BRACKETED_TRUNK_ZERO = /\(0\)/g;
const PHONE_CHARACTERS = /^\+?[\d\s()./-]+$/;
// E.164 allows 15 digits; nothing real is shorter than 7 (country code included).
const MAX_DIGITS = 15;
const MIN_DIGITS = 7;
const UK = '44';

const fail = (reason: PhoneError): PhoneResult => ({ ok: false, reason });

/**
 * Any stored or typed form of a phone number → E.164. UK-centric: national `07…` numbers are
 * British, and so is a bare 10-digit number starting with 7 (a mobile that lost its 0).
 */
export const normalizePhone = total(
  (input: unknown): PhoneResult => {
    const text = phoneText(input);
    if (input === null || input === undefined) return fail('empty');
    if (text === null) return fail('not a phone number');
    const cleaned = text.trim().replace(CHANNEL_PREFIX, '').replace(JID_SUFFIX, '').trim();
    if (cleaned === '') return fail('empty');
    const bare = cleaned.replace(BRACKETED_TRUNK_ZERO, '');
    if (!PHONE_CHARACTERS.test(bare)) return fail('not a phone number');
    const digits = bare.replace(/\D/g, '');
    if (digits === '') return fail('not a phone number');

    let international: string;
    if (bare.startsWith('+')) international = digits;
    else if (digits.startsWith('00')) international = digits.slice(2);
    else if (digits.startsWith('0')) international = UK + digits.slice(1);
    else if (digits.length === 10 && digits.startsWith('7')) international = UK + digits;
    else international = digits;
    // `+44 07853 723604`: a trunk zero typed after the country code.
    if (international.startsWith(`${UK}0`)) international = UK + international.slice(3);

    if (international.length > MAX_DIGITS) return fail('too long');
    if (international.length < MIN_DIGITS) return fail('too short');
    if (international.startsWith('0')) return fail('not a phone number');
    if (international.startsWith(UK)) {
      // UK national numbers are 9 or 10 digits after the 44.
      const national = international.length - UK.length;
      if (national < 9) return fail('too short');
      if (national > 10) return fail('too long');
    }
    return { ok: true, e164: `+${international}` };
  },
  () => fail('not a phone number'),
);

function phoneText(input: unknown): string | null {
  if (typeof input === 'string') return input;
  // JSON numbers (447853723604) and bigint columns hold the digits without the plus.
  if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0) return String(input);
  if (typeof input === 'bigint' && input > 0n) return input.toString();
  return null;
}

/** `447853723604` (as in session ids like `general_447853723604`); '' when not a phone number. */
export const digitsOf = total(
  (phone: unknown): string => {
    const result = normalizePhone(phone);
    return result.ok ? result.e164.slice(1) : '';
  },
  () => '',
);

/**
 * Every form in which the agent's rows store this number, so a lookup by any form (`in (…)`)
 * finds rows stored in any other. None contains a comma or bracket, which PostgREST's `in`
 * filter would need quoted. [] when the input is not a phone number.
 */
export const phoneVariants = total(
  (phone: unknown): string[] => {
    const result = normalizePhone(phone);
    if (!result.ok) return [];
    const { e164 } = result;
    const digits = e164.slice(1);
    const variants = [
      e164,
      digits,
      `whatsapp:${e164}`,
      formatPhone(e164),
      `00${digits}`,
      `${digits}@c.us`,
      `${digits}@s.whatsapp.net`,
    ];
    if (digits.startsWith(UK)) {
      const national = digits.slice(UK.length);
      variants.push(`0${national}`, `0${ukGroups(national).join(' ')}`);
    }
    return [...new Set(variants)];
  },
  () => [],
);

/**
 * For display: `+44 7853 723604`, `+44 20 7946 0958`, `+1 415 555 2671`, other countries as
 * country code and even groups. Input that is not a phone number is shown as given.
 */
export const formatPhone = total(
  (phone: unknown): string => {
    const result = normalizePhone(phone);
    if (!result.ok) return typeof phone === 'string' ? phone.trim() : '';
    const digits = result.e164.slice(1);
    const code = countryCode(digits);
    const rest = digits.slice(code.length);
    const groups =
      code === UK ? ukGroups(rest) : code === '1' ? sliceGroups(rest, [3, 3]) : evenGroups(rest);
    return `+${code} ${groups.join(' ')}`;
  },
  () => '',
);

// ITU country codes of one and two digits; all others have three.
const SHORT_CODES = new Set(
  (
    '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 ' +
    '60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'
  ).split(' '),
);

function countryCode(digits: string): string {
  const prefix = [digits.slice(0, 1), digits.slice(0, 2)].find((code) => SHORT_CODES.has(code));
  return prefix ?? digits.slice(0, 3);
}

/** Ofcom's groupings: 7853 723604, 20 7946 0958, 113 496 0000, 1632 960961, 800 123 4567. */
function ukGroups(national: string): string[] {
  if (national.startsWith('2')) return sliceGroups(national, [2, 4]);
  if (national.startsWith('1')) {
    const shortAreaCode = national[1] === '1' || national[2] === '1';
    return sliceGroups(national, shortAreaCode ? [3, 3] : [4]);
  }
  if (/^[389]/.test(national)) return sliceGroups(national, [3, 3]);
  return sliceGroups(national, [4]);
}

/** Cuts groups of the given sizes; whatever remains is the last group. */
function sliceGroups(digits: string, sizes: number[]): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    groups.push(digits.slice(start, start + size));
    start += size;
  }
  groups.push(digits.slice(start));
  return groups.filter((group) => group !== '');
}

/** Groups of at most four, as even as possible, longer ones last: 8 → 4 4, 10 → 3 3 4. */
function evenGroups(digits: string): string[] {
  const count = Math.max(1, Math.ceil(digits.length / 4));
  const size = Math.floor(digits.length / count);
  const longer = digits.length % count;
  const sizes = Array.from({ length: count - 1 }, (_, i) => size + (i >= count - longer ? 1 : 0));
  return sliceGroups(digits, sizes);
}
