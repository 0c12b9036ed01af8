import { useState } from 'react';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { useSession } from '@/data/auth/session-query';
import { useCreateNote } from '@/data/notes/note-create-mutation';
import { useDeleteNote } from '@/data/notes/note-delete-mutation';
import { useUpdateNote } from '@/data/notes/note-update-mutation';
import { useNotes } from '@/data/notes/notes-query';
import { isPendingNote } from '@/data/notes/optimistic-notes';
import { describeError } from '@/lib/api-error';
import type { Candidate } from '@/lib/app-types';
import { NoteEditor } from './note-editor';
import { NoteItem } from './note-item';
import type { QueryState } from './query-state';

function NotesSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading notes">
      {[0, 1].map((index) => (
        <Skeleton key={index} className="h-20 w-full" />
      ))}
    </div>
  );
}

/** Recruiters' notes on a candidate: anyone on staff adds, only the author edits or deletes. */
export function NotesTab({ candidate }: { candidate: QueryState<Candidate | null> }) {
  if (candidate.data === undefined) {
    return candidate.error ? (
      <ErrorState
        title="Couldn't load the candidate"
        error={candidate.error}
        onRetry={candidate.onRetry}
      />
    ) : (
      <NotesSkeleton />
    );
  }
  if (candidate.data === null) {
    return (
      <EmptyState title="Notes need a candidate record">
        This phone is only known to the agent, not in the app's candidates, so there is nothing to
        attach notes to. Add the candidate to the app first.
      </EmptyState>
    );
  }
  return <CandidateNotes candidateId={candidate.data.id} />;
}

function CandidateNotes({ candidateId }: { candidateId: number }) {
  const notes = useNotes(candidateId);
  const session = useSession();
  const create = useCreateNote(candidateId);
  const update = useUpdateNote(candidateId);
  const remove = useDeleteNote(candidateId);
  const [draft, setDraft] = useState('');

  const refused = (action: string) => (error: unknown) =>
    toast.error(`Couldn't ${action} the note`, { description: describeError(error) });

  function add() {
    const body = draft;
    if (!body.trim()) return;
    setDraft('');
    create.mutate(body, {
      onError: (error) => {
        refused('save')(error);
        // Give the text back so nothing typed is lost.
        setDraft((current) => current || body);
      },
    });
  }

  const myId = session.data?.userId;
  return (
    <div className="grid gap-5">
      <form
        className="grid gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <NoteEditor label="Add a note" value={draft} onChange={setDraft} onSave={add} />
        <Button type="submit" size="sm" className="w-fit" disabled={!draft.trim()}>
          Add note
        </Button>
      </form>
      <section aria-label="Notes, newest first" className="grid gap-3">
        {notes.data === undefined ? (
          notes.error ? (
            <ErrorState
              title="Couldn't load the notes"
              error={notes.error}
              onRetry={() => void notes.refetch()}
            />
          ) : (
            <NotesSkeleton />
          )
        ) : notes.data.length === 0 ? (
          <EmptyState title="No notes yet">
            Notes you add are shared with the rest of the team.
          </EmptyState>
        ) : (
          notes.data.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              own={!!myId && note.authorId === myId}
              pending={isPendingNote(note)}
              onEdit={(body) => update.mutate({ id: note.id, body }, { onError: refused('edit') })}
              onDelete={() => remove.mutate(note.id, { onError: refused('delete') })}
            />
          ))
        )}
      </section>
    </div>
  );
}
