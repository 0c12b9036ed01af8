import { ChevronDown, ChevronUp, Search } from 'lucide-react';
import { useId, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';

interface SearchStepperProps {
  /** What is searched, for screen readers: "Search this conversation". */
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** 0-based position of the current match; null when there is none. */
  current: number | null;
  total: number;
  /** More is still being searched (e.g. older messages loading): the total may grow. */
  pending?: boolean;
  onStep: (direction: 1 | -1) => void;
  className?: string;
}

/** Find-in-page: a search box with "3 of 12" and previous/next (Enter, Shift+Enter). */
export function SearchStepper({
  label,
  value,
  onValueChange,
  current,
  total,
  pending = false,
  onStep,
  className,
}: SearchStepperProps) {
  const statusId = useId();
  const searching = value.trim() !== '';
  const status = !searching
    ? ''
    : total === 0
      ? pending
        ? 'Searching…'
        : 'No matches'
      : `${(current ?? 0) + 1} of ${total}${pending ? '+' : ''}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (total > 0) onStep(event.shiftKey ? -1 : 1);
  }

  return (
    <div className={cn('flex min-w-0 items-center gap-1', className)}>
      <div className="relative min-w-0 flex-1">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          type="search"
          aria-label={label}
          aria-describedby={statusId}
          placeholder="Search"
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          onKeyDown={onKeyDown}
          className="h-9 pl-8"
        />
      </div>
      <span
        id={statusId}
        role="status"
        className="min-w-16 text-center text-sm text-muted-foreground tabular-nums"
      >
        {status}
      </span>
      <Button
        variant="ghost"
        size="sm"
        className="px-2"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={total === 0}
        onClick={() => onStep(-1)}
      >
        <ChevronUp aria-hidden="true" />
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="px-2"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={total === 0}
        onClick={() => onStep(1)}
      >
        <ChevronDown aria-hidden="true" />
      </Button>
    </div>
  );
}
