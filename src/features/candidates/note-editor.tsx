import { useId, type KeyboardEvent } from 'react';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

interface NoteEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter or Cmd+Enter. */
  onSave: () => void;
  /** Escape, where there is something to cancel. */
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A labelled textarea for a note, saved with Ctrl/Cmd+Enter. */
export function NoteEditor({
  label,
  value,
  onChange,
  onSave,
  onCancel,
  autoFocus,
}: NoteEditorProps) {
  const id = useId();
  const hintId = useId();
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave();
    } else if (event.key === 'Escape' && onCancel) {
      // Cancels the edit, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus={autoFocus}
        maxLength={10_000}
        rows={3}
      />
      <p id={hintId} className="text-xs text-muted-foreground">
        Ctrl+Enter (⌘+Enter on a Mac) saves{onCancel ? '; Escape cancels' : ''}.
      </p>
    </div>
  );
}
