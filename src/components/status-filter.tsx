import { useId } from 'react';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';
import { statusLabel } from './status-badge';

// The statuses the agent writes (DESIGN §4), always offered even when none are present.
const KNOWN_STATUSES = ['active', 'waiting', 'completed', 'opted_out', 'failed'] as const;

/** A `status=active,waiting` URL parameter → `['active', 'waiting']`: trimmed, lower-case, no repeats. */
export function parseStatusParam(value: string | null): string[] {
  const statuses = (value ?? '').split(',').map((s) => s.trim().toLowerCase());
  return [...new Set(statuses.filter(Boolean))];
}

/** The known statuses, then any other status the data has, alphabetically. */
export function statusOptions(present: Iterable<string | null>): string[] {
  const known: readonly string[] = KNOWN_STATUSES;
  const others = [...new Set(present)].filter((s): s is string => !!s && !known.includes(s)).sort();
  return [...known, ...others];
}

/**
 * Pick any number of statuses (none = all), as toggle buttons: visible at a glance, one tab stop
 * each, and the pressed state is announced (colour is never the only signal).
 */
export function StatusFilter({
  options,
  selected,
  counts,
  onChange,
}: {
  options: string[];
  selected: string[];
  /** Sessions per status, shown beside each name when known. */
  counts?: ReadonlyMap<string, number>;
  onChange: (statuses: string[]) => void;
}) {
  const labelId = useId();
  const toggle = (status: string) =>
    onChange(
      selected.includes(status)
        ? selected.filter((s) => s !== status)
        : options.filter((s) => s === status || selected.includes(s)),
    );
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-wrap items-center gap-1.5">
      <span id={labelId} className="mr-1 text-sm font-medium">
        Status
      </span>
      {options.map((status) => {
        const pressed = selected.includes(status);
        const count = counts?.get(status);
        return (
          <button
            key={status}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(status)}
            className={cn(
              'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50',
              pressed
                ? 'border-primary bg-primary text-primary-foreground'
                : 'bg-background hover:bg-accent',
            )}
          >
            {statusLabel(status)}
            {count !== undefined && (
              <span className={cn('text-xs', pressed ? 'opacity-90' : 'text-muted-foreground')}>
                {formatCount(count)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
