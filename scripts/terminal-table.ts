// Plain-text tables for the scripts' terminal output (backend:test, db:explore).

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** One line, at most `max` characters: newlines and runs of spaces folded, the rest cut with `…`. */
export function oneLine(value: string, max = 60): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Any value as table text: dates as ISO, objects as compact JSON, null as `null`. */
export function cellText(value: unknown, max = 60): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return oneLine(JSON.stringify(value), max);
  return oneLine(String(value), max);
}

/** `12,345` (DESIGN §8). */
export const count = (n: number) => n.toLocaleString('en-GB');

/** Columns padded to their widest cell, a rule under the header, two spaces between columns. */
export function renderTable(
  columns: (Column | string)[],
  rows: (string | number)[][],
  indent = '',
): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const text = rows.map((row) => cols.map((_, i) => String(row[i] ?? '')));
  const widths = cols.map((c, i) =>
    Math.max(c.header.length, ...text.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, i) =>
        cols[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(cols.map((c) => c.header)),
    line(widths.map((w) => '─'.repeat(w))),
    ...text.map(line),
  ].join('\n');
}
