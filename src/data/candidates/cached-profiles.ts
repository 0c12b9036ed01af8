import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { CandidateSummary } from '@/lib/backend-types';
import { candidateKeys } from './keys';

/**
 * The candidates open in the cache (their summaries) one of whose sessions is `sessionId`, with
 * each one's query key: where a realtime change to that session belongs.
 */
export function cachedProfilesWithSession(
  queryClient: QueryClient,
  sessionId: string,
): [QueryKey, CandidateSummary][] {
  return queryClient
    .getQueriesData<CandidateSummary>({ queryKey: candidateKeys.profiles() })
    .flatMap(([queryKey, profile]) =>
      profile?.sessions.some((s) => s.sessionId === sessionId) ? [[queryKey, profile]] : [],
    );
}
