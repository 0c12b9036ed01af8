import { Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { RelativeTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import type { Note } from '@/lib/app-types';
import { NoteEditor } from './note-editor';

interface NoteItemProps {
  note: Note;
  /** Only the author may edit or delete (the database enforces it too). */
  own: boolean;
  pending: boolean;
  onEdit: (body: string) => void;
  onDelete: () => void;
}

export function NoteItem({ note, own, pending, onEdit, onDelete }: NoteItemProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const edited = Date.parse(note.updatedAt) - Date.parse(note.createdAt) > 1000;

  const save = () => {
    if (draft === null) return;
    if (draft.trim() && draft.trim() !== note.body) onEdit(draft);
    setDraft(null);
  };

  return (
    <article
      className="grid gap-2 rounded-lg border bg-card p-3"
      aria-label={`Note by ${note.authorEmail ?? 'unknown author'}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 text-sm">
        <span className="font-medium">{note.authorEmail ?? 'Unknown author'}</span>
        {own && <span className="text-muted-foreground">(you)</span>}
        <span className="text-muted-foreground">
          {pending ? 'Saving…' : <RelativeTime value={note.createdAt} />}
          {edited && ' · edited'}
        </span>
        {own && !pending && draft === null && !confirmingDelete && (
          <span className="ml-auto flex gap-1">
            <Button variant="ghost" size="sm" onClick={() => setDraft(note.body)}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirmingDelete(true)}>
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
          </span>
        )}
      </header>
      {draft === null ? (
        <p className="text-sm break-words whitespace-pre-wrap">{note.body}</p>
      ) : (
        <div className="grid gap-2">
          <NoteEditor
            label="Edit note"
            value={draft}
            onChange={setDraft}
            onSave={save}
            onCancel={() => setDraft(null)}
            autoFocus
          />
          <div className="flex gap-2">
            <Button size="sm" onClick={save} disabled={!draft.trim()}>
              Save
            </Button>
            <Button size="sm" variant="outline" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {confirmingDelete && (
        <div
          role="group"
          aria-label="Confirm deletion"
          className="flex flex-wrap items-center gap-2 rounded-md bg-muted p-2 text-sm"
        >
          <span>Delete this note? This can't be undone.</span>
          <Button
            size="sm"
            variant="destructive"
            onClick={() => {
              setConfirmingDelete(false);
              onDelete();
            }}
          >
            Delete note
          </Button>
          <Button size="sm" variant="outline" autoFocus onClick={() => setConfirmingDelete(false)}>
            Keep it
          </Button>
        </div>
      )}
    </article>
  );
}
