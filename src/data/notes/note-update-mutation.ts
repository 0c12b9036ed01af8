import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateNote } from '@/lib/app-api';
import { noteKeys } from './keys';

export function useUpdateNote(candidateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) => updateNote(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteKeys.of(candidateId) }),
  });
}
