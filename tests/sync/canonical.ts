// Comparing values as data: keys sorted, and one instant written two ways (realtime's
// `2026-12-03 07:55:17.123456+00` and PostgREST's `2026-12-03T07:55:17.123456+00:00`) read as the
// same instant. Nothing else is loosened: a different value, order or extra key is a difference.

const TIMESTAMP = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(Z|[+-]\d\d(?::?\d\d)?)?$/;

/** An ISO-like timestamp with a zone as UTC with microseconds; anything else unchanged. */
export function canonicalTime(value: string): string {
  const match = TIMESTAMP.exec(value);
  if (!match?.[4]) return value;
  const [, day, time, fraction = '', zone] = match;
  const offset =
    zone === 'Z' ? 'Z' : `${zone!.slice(0, 3)}:${zone!.slice(3).replace(':', '') || '00'}`;
  const ms = Date.parse(`${day}T${time}${offset}`);
  if (!Number.isFinite(ms)) return value;
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction.padEnd(6, '0')}Z`;
}

export function canonical(value: unknown): unknown {
  if (typeof value === 'string') return canonicalTime(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Map) return { $map: [...value.entries()].map(canonical) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonical(item);
    }
    return out;
  }
  return value;
}

export const canonicalJson = (value: unknown) => JSON.stringify(canonical(value));

const short = (value: unknown, max = 160) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

/** What identifies an item of a list (a message, a call, a session), if it has such a field. */
export function itemKey(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const row = item as Record<string, unknown>;
  for (const field of ['call_id', 'id', 'sessionId', 'session_id', 'campaign', 'day', 'key'])
    if (typeof row[field] === 'string' || typeof row[field] === 'number')
      return `${field}=${String(row[field])}`;
  return null;
}

export interface Difference {
  path: string;
  /** The nearest identified item around the difference (e.g. `id=1234`). */
  item: string | null;
  live: string;
  fresh: string;
}

/**
 * Where two canonical values differ: lists of identified items are compared by identity (missing,
 * extra, changed, reordered), other values position by position. At most `limit` differences.
 */
export function differences(live: unknown, fresh: unknown, limit = 8): Difference[] {
  const out: Difference[] = [];
  const walk = (a: unknown, b: unknown, path: string, item: string | null) => {
    if (out.length >= limit) return;
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const keysA = a.map(itemKey);
      const keysB = b.map(itemKey);
      const identified = (keys: (string | null)[]) =>
        keys.every((k) => k !== null) && new Set(keys).size === keys.length;
      if (identified(keysA) && identified(keysB)) {
        const inB = new Map(keysB.map((k, i) => [k!, i]));
        const inA = new Set(keysA);
        for (const [i, key] of keysA.entries()) {
          const j = inB.get(key!);
          if (j === undefined)
            out.push({ path: `${path}[${i}]`, item: key, live: short(a[i]), fresh: '(missing)' });
          else walk(a[i], b[j], `${path}[${key}]`, key);
          if (out.length >= limit) return;
        }
        for (const [j, key] of keysB.entries())
          if (!inA.has(key) && out.length < limit)
            out.push({ path: `${path}[${j}]`, item: key, live: '(missing)', fresh: short(b[j]) });
        const common = (keys: (string | null)[], other: Set<string | null>) =>
          keys.filter((k) => other.has(k)).join(',');
        if (!out.length && common(keysA, new Set(keysB)) !== common(keysB, inA))
          out.push({ path, item, live: 'order differs', fresh: short(keysB, 300) });
        return;
      }
      const length = Math.max(a.length, b.length);
      if (a.length !== b.length)
        out.push({ path: `${path}.length`, item, live: String(a.length), fresh: String(b.length) });
      for (let i = 0; i < length && out.length < limit; i++)
        walk(a[i], b[i], `${path}[${i}]`, itemKey(a[i]) ?? itemKey(b[i]) ?? item);
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys)
        walk(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
          item,
        );
      return;
    }
    out.push({ path, item, live: short(a), fresh: short(b) });
  };
  walk(canonical(live), canonical(fresh), '$', null);
  return out;
}
