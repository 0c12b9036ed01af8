import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteNote } from '@/lib/app-api';
import { noteKeys } from './keys';
import { changeNotesOptimistically, restoreNotes } from './optimistic-notes';

/** Removes a note at once; it comes back if the server refuses. */
export function useDeleteNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteNote(id),
    onMutate: (id) =>
      changeNotesOptimistically(queryClient, candidateId, (notes) =>
        notes.filter((note) => note.id !== id),
      ),
    onError: (_error, _id, snapshot) => restoreNotes(queryClient, candidateId, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
