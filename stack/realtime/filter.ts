import { timestampMicros, type RawRow } from './values';

// The `filter` of a postgres_changes binding: one `column=operator.value`, with the operators
// Supabase Realtime documents for postgres_changes (eq, neq, lt, lte, gt, gte, in). Values may be
// double-quoted PostgREST-style, as realtime-js's filter builder writes values holding `,()"\`.

export const FILTER_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface Filter {
  column: string;
  op: FilterOperator;
  /** One value, or the list for `in`. */
  values: string[];
}

export class FilterError extends Error {}

/** Reads a double-quoted value starting at `text[start]`; returns it and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) value += text[++i];
    else if (ch === '"') return [value, i + 1];
    else value += ch;
  }
  throw new FilterError(`unterminated quote in "${text}"`);
}

function readList(text: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')'))
    throw new FilterError(`"in" takes a list in parentheses, e.g. in.(1,2,3); got "${text}"`);
  const inner = text.slice(1, -1);
  const values: string[] = [];
  let i = 0;
  while (i <= inner.length) {
    let value: string;
    if (inner[i] === '"') {
      [value, i] = readQuoted(inner, i);
      if (i < inner.length && inner[i] !== ',')
        throw new FilterError(`expected "," after a quoted value in "${text}"`);
    } else {
      const comma = inner.indexOf(',', i);
      const end = comma < 0 ? inner.length : comma;
      value = inner.slice(i, end).trim();
      if (/[()"]/.test(value)) throw new FilterError(`quote list values holding (, ) or "`);
      i = end;
    }
    values.push(value);
    i++; // past the comma
  }
  if (values.length === 1 && values[0] === '' && inner.trim() === '')
    throw new FilterError('"in" needs at least one value');
  return values;
}

export function parseFilter(text: string): Filter {
  const eq = text.indexOf('=');
  const dot = text.indexOf('.', eq + 1);
  if (eq < 1 || dot < 0)
    throw new FilterError(`filter must look like column=operator.value, got "${text}"`);
  const column = text.slice(0, eq).trim();
  const op = text.slice(eq + 1, dot);
  const rest = text.slice(dot + 1);
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
    throw new FilterError(
      `filter operator "${op}" is not supported (use one of ${FILTER_OPERATORS.join(', ')})`,
    );
  }
  if (op === 'in') return { column, op, values: readList(rest) };
  if (rest.startsWith('"')) {
    const [value, end] = readQuoted(rest, 0);
    if (end !== rest.length) throw new FilterError('only one filter per binding is supported');
    return { column, op: op as FilterOperator, values: [value] };
  }
  // Newer realtime-js joins several conditions with commas; the documented protocol has one.
  if (rest.includes(','))
    throw new FilterError('only one filter per binding is supported (quote values holding ",")');
  return { column, op: op as FilterOperator, values: [rest] };
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const TEMPORAL = new Set(['timestamptz', 'timestamp', 'date']);
const TRUE = new Set(['t', 'true', 'y', 'yes', 'on', '1']);
const FALSE = new Set(['f', 'false', 'n', 'no', 'off', '0']);

const sign = (a: number | bigint | string, b: typeof a) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares a column's text value with a filter value as Postgres would for the column's type;
 * undefined when the value cannot be read as that type (then nothing matches).
 */
export function compareAs(type: string | undefined, a: string, b: string): number | undefined {
  if (type && NUMERIC.has(type)) {
    if (/^[+-]?\d+$/.test(a) && /^[+-]?\d+$/.test(b)) return sign(BigInt(a), BigInt(b));
    const [x, y] = [Number(a), Number(b)];
    return a.trim() === '' || b.trim() === '' || Number.isNaN(x) || Number.isNaN(y)
      ? undefined
      : sign(x, y);
  }
  if (type === 'bool') {
    const read = (v: string) =>
      TRUE.has(v.toLowerCase()) ? 1 : FALSE.has(v.toLowerCase()) ? 0 : undefined;
    const [x, y] = [read(a), read(b)];
    return x === undefined || y === undefined ? undefined : sign(x, y);
  }
  if (type && TEMPORAL.has(type)) {
    const [x, y] = [timestampMicros(a), timestampMicros(b)];
    return x === undefined || y === undefined ? undefined : sign(x, y);
  }
  if (type === 'uuid') return sign(a.toLowerCase(), b.toLowerCase());
  return sign(a, b);
}

/** Whether a value is one the column's type can read, checked when a client joins. */
export function readableAs(type: string | undefined, value: string): boolean {
  return compareAs(type, value, value) !== undefined;
}

/**
 * SQL semantics: a NULL column matches nothing; a column the row does not carry (an old row
 * with only its key) cannot be checked, so it does not match either.
 */
export function matchesFilter(filter: Filter, row: RawRow, type: string | undefined): boolean {
  const value = row[filter.column];
  if (value === null || value === undefined) return false;
  const results = filter.values.map((v) => compareAs(type, value, v));
  switch (filter.op) {
    case 'eq':
      return results[0] === 0;
    case 'neq':
      return results[0] !== undefined && results[0] !== 0;
    case 'lt':
      return results[0] === -1;
    case 'lte':
      return results[0] === -1 || results[0] === 0;
    case 'gt':
      return results[0] === 1;
    case 'gte':
      return results[0] === 1 || results[0] === 0;
    case 'in':
      return results.includes(0);
  }
}
