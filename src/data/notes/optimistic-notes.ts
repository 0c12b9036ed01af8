import type { QueryClient } from '@tanstack/react-query';
import type { Note } from '@/lib/app-types';
import { noteKeys } from './keys';

/** What an optimistic note mutation needs to undo itself when the server refuses. */
export interface NotesSnapshot {
  previous: Note[] | undefined;
}

/**
 * Applies `change` to the cached notes at once (after stopping a refetch that would overwrite it)
 * and returns the list as it was, for the mutation's onError to put back.
 */
export async function changeNotesOptimistically(
  queryClient: QueryClient,
  candidateId: number,
  change: (notes: Note[]) => Note[],
): Promise<NotesSnapshot> {
  const queryKey = noteKeys.of(candidateId);
  await queryClient.cancelQueries({ queryKey });
  const previous = queryClient.getQueryData<Note[]>(queryKey);
  queryClient.setQueryData<Note[]>(queryKey, (notes) => change(notes ?? []));
  return { previous };
}

export function restoreNotes(
  queryClient: QueryClient,
  candidateId: number,
  snapshot: NotesSnapshot | undefined,
) {
  if (snapshot) queryClient.setQueryData(noteKeys.of(candidateId), snapshot.previous);
}

/** Optimistic notes have negative ids until the server gives them theirs. */
export const isPendingNote = (note: Note) => note.id < 0;
