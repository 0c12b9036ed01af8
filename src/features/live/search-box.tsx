import { Search } from 'lucide-react';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

const TYPING_PAUSE_MS = 300;

/**
 * A search field that commits once typing pauses (or on Enter), so each keystroke is not a
 * request and a URL entry. `value` is the committed search; clearing it elsewhere clears the box.
 */
export function SearchBox({
  value,
  onCommit,
  label,
  placeholder,
}: {
  value: string;
  onCommit: (search: string) => void;
  label: string;
  placeholder?: string;
}) {
  const id = useId();
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
      className="grid gap-1.5"
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
