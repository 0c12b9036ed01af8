import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSession, onAuthStateChange, type AuthSession } from '@/lib/auth-api';
import { authKeys } from './keys';

const sessionQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: getSession,
    // Kept current by useSessionSync, so it never needs refetching.
    staleTime: Infinity,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** Mount once: mirrors auth events (sign-in, sign-out, token refresh, other tabs) into the cache. */
export function useSessionSync() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onAuthStateChange((session) => {
        const previous = queryClient.getQueryData<AuthSession | null>(authKeys.session());
        queryClient.setQueryData(authKeys.session(), session);
        // Nothing cached for one user may be shown to the next.
        if (previous !== undefined && previous?.userId !== session?.userId) {
          queryClient.removeQueries({
            predicate: (query) => query.queryKey[0] !== authKeys.all[0],
          });
        }
      }),
    [queryClient],
  );
}
