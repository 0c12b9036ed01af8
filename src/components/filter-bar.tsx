import { Search } from 'lucide-react';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { cn } from '@/lib/utils';

const TYPING_PAUSE_MS = 300;

export interface SearchFieldProps {
  label: string;
  placeholder?: string;
  /** The committed search (from the URL); changing it elsewhere (Clear, Back) changes the box. */
  value: string;
  /** Called, trimmed, once typing pauses or on Enter. */
  onCommit: (search: string) => void;
  className?: string;
}

/**
 * A search field that commits once typing pauses (or on Enter), so each keystroke is not a
 * request and a URL entry.
 */
function SearchField({ label, placeholder, value: given, onCommit, className }: SearchFieldProps) {
  const id = useId();
  // Spaces around a search mean nothing; a URL's own are not worth rewriting it for.
  const value = given.trim();
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  // Follow a change made elsewhere (Clear filters, Back), but not the echo of our own commit,
  // which would eat a trailing space still being typed.
  if (value !== committed) {
    setCommitted(value);
    if (value !== text.trim()) setText(value);
  }

  // The timer restarts on typing only, not whenever the parent re-renders with a new callback.
  const commit = useEffectEvent(onCommit);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => commit(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <form
      role="search"
      className={cn('grid gap-1.5', className)}
      onSubmit={(event) => {
        event.preventDefault();
        onCommit(text.trim());
      }}
    >
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          id={id}
          type="search"
          className="pl-9"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
    </form>
  );
}

export interface SelectFieldProps {
  label: string;
  /** The chosen option's value; '' for `allLabel`. */
  value: string;
  /** Values shown as they are, or value and label pairs. */
  options: readonly (string | { value: string; label: string })[];
  /** The first option, meaning "no filter" (value ''); leave out when one option is always chosen. */
  allLabel?: string;
  onChange: (value: string) => void;
}

/** One labelled select; a value not among the options (from a link) is still shown. */
export function SelectField({ label, value, options, allLabel, onChange }: SelectFieldProps) {
  const id = useId();
  const choices = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  // A value from a link that is not (or no longer) among the options is still shown as chosen.
  if (value && !choices.some((o) => o.value === value)) choices.unshift({ value, label: value });
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** The campaign filter, the same on every list: `null` means every campaign. */
export function campaignSelect(
  campaign: string | null,
  campaigns: readonly string[],
  onChange: (campaign: string | null) => void,
): SelectFieldProps {
  return {
    label: 'Campaign',
    allLabel: 'All campaigns',
    value: campaign ?? '',
    options: campaigns,
    onChange: (value) => onChange(value || null),
  };
}

/**
 * A list's search box and select filters, in a grid laid out by `className`: the search first,
 * then the selects in order. Each control is labelled, and the page keeps their state in the URL.
 */
export function FilterBar({
  search,
  selects,
  className,
}: {
  search: SearchFieldProps;
  selects: readonly SelectFieldProps[];
  className?: string;
}) {
  return (
    <div className={cn('grid', className)}>
      <SearchField {...search} />
      {selects.map((select) => (
        <SelectField key={select.label} {...select} />
      ))}
    </div>
  );
}
