import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateProfile } from '@/lib/backend-api';
import { useRealtimeLive } from '../realtime/connection-store';
import { LIVE_REFRESH_MS } from '../refresh';
import { candidateKeys } from './keys';

/** Session, campaign, the whole conversation, calls and objective timeline: one request. */
export const candidateProfileQuery = (phone: string) =>
  queryOptions({
    queryKey: candidateKeys.profile(phone),
    queryFn: ({ signal }) => getCandidateProfile(phone, { signal }),
  });

/**
 * Polled only while realtime is not live. A long conversation is megabytes to fetch, parse and
 * compare (seconds of main thread at 10,000 messages, DESIGN §7); while live, every change
 * arrives by realtime and each resubscription refetches it anyway.
 */
export function useCandidateProfile(phone: string) {
  const live = useRealtimeLive();
  return useQuery({
    ...candidateProfileQuery(phone),
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
}
