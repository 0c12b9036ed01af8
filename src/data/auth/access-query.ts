import { useQuery } from '@tanstack/react-query';
import { authKeys } from './keys';
import { useSession } from './session-query';

/**
 * Why the signed-in user can't read the data, or null (lib/access-check.ts). Asked again with
 * every new access token, so a member removed in the app project is told at their next refresh
 * (when a backend project stops accepting them), and when the window regains focus.
 */
export function useAccessProblem() {
  const { data: session } = useSession();
  return useQuery({
    queryKey: authKeys.access(session?.userId ?? '', session?.expiresAt ?? 0),
    enabled: !!session,
    // Loaded with the check, not the sign-in screen: it needs the data clients (lean-client.ts).
    queryFn: async ({ signal }) =>
      (await import('@/lib/access-api')).checkMyAccess(session!, signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
