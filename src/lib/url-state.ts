// A page's state kept in its URL (a link or a reload restores it; Back and Forward step through it),
// declared once per page as fields: which parameter holds each value, how a parameter's text reads
// (anything malformed reads as the default) and how a value writes (null: the default, left out of
// the URL). Parameters a page does not declare, such as the open candidate, are kept.

export interface UrlField<T> {
  param: string;
  read(value: string | null): T;
  /** The parameter's text, or null to leave it out. */
  write(value: T): string | null;
}

export interface UrlState<V> {
  read(params: URLSearchParams): V;
  /** `params` with `changes` applied; a value not given (or undefined) is left as it is. */
  write(params: URLSearchParams, changes: Partial<V>): URLSearchParams;
}

export function urlState<V>(fields: { [K in keyof V]: UrlField<V[K]> }): UrlState<V> {
  const keys = Object.keys(fields) as (keyof V)[];
  return {
    read(params) {
      const view = {} as V;
      for (const key of keys) view[key] = fields[key].read(params.get(fields[key].param));
      return view;
    },
    write(params, changes) {
      const next = new URLSearchParams(params);
      for (const key of keys) {
        const value = changes[key];
        if (value === undefined) continue;
        const text = fields[key].write(value as V[typeof key]);
        if (text) next.set(fields[key].param, text);
        else next.delete(fields[key].param);
      }
      return next;
    },
  };
}

/** Free text, trimmed; empty when absent. */
export const textField = (param: string): UrlField<string> => ({
  param,
  read: (value) => value?.trim() ?? '',
  write: (value) => value.trim(),
});

/** A name (a campaign, an objective key) or null. */
export const nameField = (param: string): UrlField<string | null> => ({
  param,
  read: (value) => value || null,
  write: (value) => value,
});

/** One of `options`, else `fallback` (which stays out of the URL). */
export function choiceField<T extends string, F extends T | null>(
  param: string,
  options: readonly T[],
  fallback: F,
): UrlField<T | F> {
  return {
    param,
    read: (value) => (options.includes(value as T) ? (value as T) : fallback),
    write: (value) => (value === fallback ? null : value),
  };
}

/** A whole number above `first` (the default) and up to `max`. */
export const countField = (param: string, first: number, max: number): UrlField<number> => ({
  param,
  read: (value) => {
    const n = Number(value);
    return Number.isSafeInteger(n) && n > first ? Math.min(n, max) : first;
  },
  write: (value) => (value > first ? String(value) : null),
});

/** Several values, comma-separated; none when absent. */
export const listField = (
  param: string,
  parse: (value: string | null) => string[],
): UrlField<string[]> => ({
  param,
  read: parse,
  write: (values) => values.join(','),
});
