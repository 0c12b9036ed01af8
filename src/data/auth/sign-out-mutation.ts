import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signOut } from '@/lib/auth-api';
import { authKeys } from './keys';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => queryClient.setQueryData(authKeys.session(), null),
  });
}
