import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signIn } from '@/lib/auth-api';
import { authKeys } from './keys';

export interface SignInInput {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: SignInInput) => signIn(email, password),
    onSuccess: (session) => queryClient.setQueryData(authKeys.session(), session),
  });
}
