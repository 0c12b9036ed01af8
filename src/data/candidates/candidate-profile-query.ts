import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateSummary } from '@/lib/backend-api';
import { useRealtimeLive } from '../realtime/connection-store';
import { LIVE_REFRESH_MS } from '../refresh';
import { candidateKeys } from './keys';

/** Sessions, campaign, calls, objective timeline and the conversation's size: one request. */
export const candidateProfileQuery = (phone: string) =>
  queryOptions({
    queryKey: candidateKeys.profile(phone),
    queryFn: ({ signal }) => getCandidateSummary(phone, { signal }),
  });

/**
 * Polled only while realtime is not live: while live, every change arrives by realtime and each
 * resubscription refetches it anyway. (The conversation itself is read apart, page by page:
 * src/data/chat/chat-pages-query.ts.)
 */
export function useCandidateProfile(phone: string) {
  const live = useRealtimeLive();
  return useQuery({
    ...candidateProfileQuery(phone),
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
}
