import { Braces } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';

function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

interface RawJsonToggleProps {
  value: unknown;
  /** Controlled where the owner must remember it (rows of a virtualized list unmount). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** "Show raw JSON": the stored value as it was, pretty-printed as text, one click away. */
export function RawJsonToggle({ value, open, onOpenChange }: RawJsonToggleProps) {
  const [localOpen, setLocalOpen] = useState(false);
  const isOpen = open ?? localOpen;
  const setOpen = onOpenChange ?? setLocalOpen;
  const preId = useId();
  return (
    <div className="grid min-w-0 gap-2">
      <Button
        variant="outline"
        size="sm"
        className="w-fit"
        aria-expanded={isOpen}
        aria-controls={preId}
        onClick={() => setOpen(!isOpen)}
      >
        <Braces aria-hidden="true" />
        {isOpen ? 'Hide raw JSON' : 'Show raw JSON'}
      </Button>
      {isOpen && (
        <pre
          id={preId}
          className="max-h-80 overflow-auto rounded-md border bg-muted p-3 text-left font-mono text-xs whitespace-pre-wrap break-all"
        >
          {prettyJson(value)}
        </pre>
      )}
    </div>
  );
}
