import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createNote } from '@/lib/app-api';
import type { Note } from '@/lib/app-types';
import type { AuthSession } from '@/lib/auth-api';
import { authKeys } from '../auth/keys';
import { noteKeys } from './keys';
import { changeNotesOptimistically, restoreNotes } from './optimistic-notes';

let nextPendingId = -1;

/** Adds a note; it shows at once (newest first) and goes away again if the server refuses it. */
export function useCreateNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => createNote(candidateId, body),
    onMutate: (body) => {
      const author = queryClient.getQueryData<AuthSession | null>(authKeys.session());
      const now = new Date().toISOString();
      const pending: Note = {
        id: nextPendingId--,
        candidateId,
        authorId: author?.userId ?? '',
        authorEmail: author?.email ?? null,
        body: body.trim(),
        createdAt: now,
        updatedAt: now,
      };
      return changeNotesOptimistically(queryClient, candidateId, (notes) => [pending, ...notes]);
    },
    onError: (_error, _body, snapshot) => restoreNotes(queryClient, candidateId, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
