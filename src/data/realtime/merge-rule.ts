/**
 * The one merge rule for realtime events (DESIGN §2; ../shared/notes/realtime-payloads.md), used
 * by every cache that holds a table's rows, keyed by primary key:
 * - INSERT adds the row, or replaces the cached row with the same key;
 * - UPDATE merges the columns it carries into the cached row. A column it lacks is unchanged, never
 *   "now null": hosted Realtime leaves out unchanged TOASTed values (a call's transcript when only
 *   its recording arrives);
 * - DELETE carries only the key: the row leaves every cache that holds it.
 * A row that no longer belongs to a cache after the change (moved to another session) leaves it.
 * An UPDATE of a row the cache does not hold, lacking columns, can't be shown from the event
 * alone: the cache must be read again (`refetch`).
 */

export interface RowChange<Row> {
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The new row: whole for INSERT; for UPDATE without unchanged TOASTed columns. */
  row: Partial<Row>;
  /** For DELETE, the primary key alone. */
  old: Partial<Row>;
}

/** How a cache holds one table's rows: items made from rows, kept in one order. */
export interface RowShape<Row, Item> {
  key: keyof Row;
  /** Every column of a row: one that an UPDATE lacks is unchanged. */
  columns: readonly (keyof Row)[];
  keyOf: (item: Item) => unknown;
  toRow: (item: Item) => Row;
  fromRow: (row: Row) => Item;
  /** The cache's order. */
  compare: (a: Item, b: Item) => number;
}

export interface Merged<Row> {
  /** The row the cache holds after the change; null when it holds none. */
  row: Row | null;
  /** The change may concern the cache but can't be applied from the event: read it again. */
  refetch: boolean;
}

/** The primary key a change is about. */
export function changeKey<Row>(change: RowChange<Row>, key: keyof Row): unknown {
  return change.eventType === 'DELETE' ? change.old[key] : (change.row[key] ?? change.old[key]);
}

/**
 * The rule itself, for one cached row (or none). `belongs` judges a row by columns that are always
 * in the payload (keys, session, times), never by large ones.
 */
export function mergeRow<Row extends object>(
  cached: Row | undefined,
  change: RowChange<Row>,
  columns: readonly (keyof Row)[],
  belongs: (row: Partial<Row>) => boolean,
): Merged<Row> {
  if (change.eventType === 'DELETE') return { row: null, refetch: false };
  const merged: Partial<Row> = { ...cached, ...carried(change.row) };
  if (!belongs(merged)) return { row: null, refetch: false };
  if (columns.every((column) => merged[column] !== undefined))
    return { row: merged as Row, refetch: false };
  return { row: null, refetch: true };
}

/** The columns a payload carries: a missing key, or one realtime-js left undefined, is unchanged. */
function carried<Row extends object>(row: Partial<Row>): Partial<Row> {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== undefined),
  ) as Partial<Row>;
}

/**
 * A change applied to a list kept in `shape.compare` order. The same array comes back when the
 * change leaves it as it was, so an unchanged cache is not rewritten (and nothing re-renders).
 */
export function mergeIntoList<Row extends object, Item>(
  items: readonly Item[],
  change: RowChange<Row>,
  shape: RowShape<Row, Item>,
  belongs: (row: Partial<Row>) => boolean,
): { items: readonly Item[]; refetch: boolean } {
  const key = changeKey(change, shape.key);
  const at = items.findIndex((item) => shape.keyOf(item) === key);
  const cached = at < 0 ? undefined : shape.toRow(items[at]!);
  const { row, refetch } = mergeRow(cached, change, shape.columns, belongs);
  if (at < 0 && !row) return { items, refetch };
  if (row && cached && sameRow(row, cached)) return { items, refetch };
  const rest = at < 0 ? items : items.toSpliced(at, 1);
  return { items: row ? insertSorted(rest, shape.fromRow(row), shape.compare) : rest, refetch };
}

export function sameRow(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Inserts after the last item that sorts before or with it (new rows usually go at the end). */
export function insertSorted<Item>(
  items: readonly Item[],
  item: Item,
  compare: (a: Item, b: Item) => number,
): Item[] {
  let at = items.length;
  while (at > 0 && compare(items[at - 1]!, item) > 0) at--;
  return items.toSpliced(at, 0, item);
}
