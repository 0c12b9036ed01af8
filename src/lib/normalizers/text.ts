/** Shared helpers for the normalizers: safe inspection of unknown values and key labels. */

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Wraps a normalizer so it never throws. Plain type checks cover ordinary odd data; this covers
 * what they cannot: getters and proxies that throw, revoked proxies, exhausted stack on deep input.
 */
export function total<A extends unknown[], R>(
  normalize: (...args: A) => R,
  fallback: (...args: A) => NoInfer<R>,
): (...args: A) => R {
  return (...args) => {
    try {
      return normalize(...args);
    } catch {
      return fallback(...args);
    }
  };
}

/** Compact JSON for showing an odd value as text; never throws (cycles, BigInt, hostile getters). */
export function compactJson(value: unknown): string {
  try {
    const ancestors: object[] = [];
    const text = JSON.stringify(value, function (this: unknown, _key, item: unknown) {
      if (typeof item === 'bigint') return item.toString();
      if (typeof item !== 'object' || item === null) return item;
      // `this` is the object holding `item`: drop finished branches, then look for a cycle.
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
      if (ancestors.includes(item)) return '[Circular]';
      ancestors.push(item);
      return item;
    });
    return text ?? String(value);
  } catch {
    return '[unreadable value]';
  }
}

export type Sender = 'user' | 'agent' | 'system' | 'tool' | 'unknown';

// Who speaks, in one vocabulary for chat messages and call transcripts: LangChain `type` (JS and
// Python class names too), OpenAI `role`, bridges' `sender`, transcript labels.
const ROLES = new Map<string, Sender>([
  ...(['human', 'humanmessage', 'user', 'candidate', 'customer', 'caller'] as const).map(
    (label) => [label, 'user'] as const,
  ),
  ...(['ai', 'aimessage', 'aimessagechunk', 'assistant', 'agent', 'bot', 'model'] as const).map(
    (label) => [label, 'agent'] as const,
  ),
  ...(['system', 'systemmessage', 'developer'] as const).map((label) => [label, 'system'] as const),
  ...(['tool', 'toolmessage', 'function', 'functionmessage'] as const).map(
    (label) => [label, 'tool'] as const,
  ),
]);

/** `'Human'`, `'assistant'`, `'AIMessage'`, … → who; anything else → 'unknown'. */
export function roleOf(label: unknown): Sender {
  return typeof label === 'string'
    ? (ROLES.get(label.trim().toLowerCase()) ?? 'unknown')
    : 'unknown';
}

/** A trimmed string, or null when the value is not a string or is blank. */
export function nonBlank(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Parses a string that holds a JSON object or array (double-encoded JSONB); else undefined. */
export function parseJsonContainer(value: string): unknown {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Lower-case with separators removed, so `call_summary`, `callSummary` and `Call Summary` match. */
export function keyId(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

// Trade and UK terms that read wrongly in sentence case.
const ACRONYMS = new Set([
  'ai',
  'api',
  'cis',
  'cpcs',
  'cscs',
  'cv',
  'dbs',
  'ecs',
  'eu',
  'gdpr',
  'hgv',
  'id',
  'ipaf',
  'jib',
  'lgv',
  'ni',
  'nvq',
  'pasma',
  'paye',
  'sms',
  'smsts',
  'sssts',
  'uk',
  'url',
  'utr',
]);

/**
 * `has_cscs_card` → `Has CSCS card`, `dayRateExpectation` → `Day rate expectation`.
 * Words written in capitals inside a mixed-case key (`hasECSCard`) keep them; a key written all
 * in capitals (`DAY_RATE`) is read as plain words.
 */
export function humanizeKey(key: unknown): string {
  if (typeof key !== 'string') return '';
  const shouting = key === key.toUpperCase();
  const sentence = splitWords(key)
    .map((word) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return word.toUpperCase();
      const keepCapitals = !shouting && word.length > 1 && word === word.toUpperCase();
      return keepCapitals ? word : lower;
    })
    .join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const isUpper = (char: string | undefined) => char !== undefined && char >= 'A' && char <= 'Z';
const isLower = (char: string | undefined) => char !== undefined && char >= 'a' && char <= 'z';

/** Words of snake, kebab, dotted or camel case (`hasCSCSCard` → has, CSCS, Card), in one pass. */
function splitWords(key: string): string[] {
  const words: string[] = [];
  let start = 0;
  const cut = (end: number) => {
    if (end > start) words.push(key.slice(start, end));
  };
  for (let i = 0; i < key.length; i += 1) {
    const char = key[i];
    if (char === '_' || char === '-' || char === '.' || /\s/.test(char ?? '')) {
      cut(i);
      start = i + 1;
    } else if (isUpper(char) && i > start) {
      const before = key[i - 1];
      const startsWord = !isUpper(before) || isLower(key[i + 1]);
      if (startsWord) {
        cut(i);
        start = i;
      }
    }
  }
  cut(key.length);
  return words;
}
