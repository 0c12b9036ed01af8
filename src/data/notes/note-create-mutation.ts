import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createNote } from '@/lib/app-api';
import { noteKeys } from './keys';

export function useCreateNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => createNote(candidateId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
