import type { Change } from './replication';

// Column values arrive from pgoutput as Postgres's text output. realtime-js converts a change's
// values by the `columns` types it is sent (lib/transformers.ts: numbers parsed, json/jsonb
// JSON.parse'd, timestamps left as strings), so values are sent in the form that conversion turns
// into what PostgREST returns for the same row.

/** A row as Postgres wrote it: text values, null, or undefined for an unchanged TOAST value. */
export type RawRow = Record<string, string | null | undefined>;

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

/**
 * The JSON value sent for one column. json/jsonb stay text on purpose: realtime-js parses them, and
 * only text keeps a JSON string such as "123" a string (an object would be parsed twice).
 */
export function jsonValue(type: string | undefined, text: string | null | undefined): unknown {
  if (text === null || text === undefined) return text;
  switch (type) {
    case 'bool':
      return text === 't';
    case 'timestamptz':
    case 'timestamp':
      return isoTimestamp(text);
    default:
      if (type && NUMBER_TYPES.has(type)) {
        // int8 and numeric beyond 2^53 stay text rather than lose digits.
        const n = Number(text);
        return Number.isSafeInteger(n) || (Number.isFinite(n) && !Number.isInteger(n)) ? n : text;
      }
      return text;
  }
}

const TIMESTAMP =
  /^(\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** `2026-11-20 12:00:00.5+00` → `2026-11-20T12:00:00.5+00:00`, as to_json (and so PostgREST) writes it. */
export function isoTimestamp(text: string): string {
  const m = TIMESTAMP.exec(text);
  if (!m) return text; // infinity, BC dates: left as Postgres wrote them
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, zone] = m;
  const time = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac}` : ''}`;
  if (!zone) return time;
  if (zone.toUpperCase() === 'Z') return `${time}+00:00`;
  const digits = zone.replace(':', '');
  return `${time}${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

/** Microseconds since the epoch, for comparing timestamps in filters; undefined if unreadable. */
export function timestampMicros(text: string): bigint | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  const micros = BigInt(frac.padEnd(6, '0').slice(0, 6));
  return (BigInt(ms) - BigInt(offsetMinutes) * 60_000n) * 1000n + micros;
}

/** The change as realtime-js reads it (`data` of a postgres_changes message), values as above. */
export function changeData(change: Change): Record<string, unknown> {
  const types = new Map(change.columns.map((c) => [c.name, c.type]));
  const row = (raw: RawRow) =>
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, jsonValue(types.get(k), v)]));
  return {
    schema: change.schema,
    table: change.table,
    commit_timestamp: change.commitTimestamp,
    type: change.type,
    columns: change.columns,
    ...(change.type !== 'DELETE' && change.record ? { record: row(change.record) } : {}),
    ...(change.type !== 'INSERT' ? { old_record: row(change.old ?? {}) } : {}),
    errors: null,
  };
}
