import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteNote } from '@/lib/app-api';
import { noteKeys } from './keys';

export function useDeleteNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteNote(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
