/**
 * Orders two ISO instants as Postgres does, to the microsecond: `Date.parse` keeps milliseconds
 * only, and the strings can't be compared as text (`…:00+00:00` and `…:00.5+00:00`, other offsets).
 * An unreadable value sorts after every readable one, the way Postgres sorts NULL last.
 */
export function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb))
    return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
  return ta - tb || microseconds(a) - microseconds(b);
}

/** The microseconds within the millisecond: `.123456` → 456. */
function microseconds(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  return Number(`${fraction}000000`.slice(3, 6));
}
