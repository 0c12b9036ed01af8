import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateNote } from '@/lib/app-api';
import { noteKeys } from './keys';
import { changeNotesOptimistically, restoreNotes } from './optimistic-notes';

/** Edits a note's text in place at once; the old text comes back if the server refuses. */
export function useUpdateNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) => updateNote(id, body),
    onMutate: ({ id, body }) =>
      changeNotesOptimistically(queryClient, candidateId, (notes) =>
        notes.map((note) => (note.id === id ? { ...note, body: body.trim() } : note)),
      ),
    onError: (_error, _input, snapshot) => restoreNotes(queryClient, candidateId, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
