import { X } from 'lucide-react';
import { EmptyState } from './query-states';
import { Button } from './ui/button';

/** One active filter in words: `{ name: 'status', values: ['Waiting', 'Active'] }`. */
export interface FilterPart {
  name: string;
  values: string[];
}

/** `['a', 'b', 'c']` → `a, b <word> c`. */
function joinWords(items: string[], word: 'and' | 'or'): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** `campaign 'X', status 'Waiting' or 'Active' and search 'smith'`: which filters are on. */
export function describeFilters(parts: FilterPart[]): string {
  return joinWords(
    parts
      .filter((part) => part.values.length > 0)
      .map(
        (part) =>
          `${part.name} ${joinWords(
            part.values.map((v) => `'${v}'`),
            'or',
          )}`,
      ),
    'and',
  );
}

/** The empty state of a filtered list: says which filters hide everything, and undoes them. */
export function NoMatches({
  what,
  filters,
  onClear,
}: {
  /** Plural: "sessions". */
  what: string;
  filters: FilterPart[];
  onClear: () => void;
}) {
  return (
    <EmptyState title={`No ${what} match ${describeFilters(filters)}.`}>
      <Button variant="outline" size="sm" onClick={onClear}>
        <X aria-hidden="true" />
        Clear filters
      </Button>
    </EmptyState>
  );
}
