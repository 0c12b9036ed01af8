import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateProfile } from '@/lib/backend-api';
import { LIVE_REFRESH_MS } from '../refresh';
import { candidateKeys } from './keys';

/** Session, campaign, the whole conversation, calls and objective timeline: one request. */
export const candidateProfileQuery = (phone: string) =>
  queryOptions({
    queryKey: candidateKeys.profile(phone),
    queryFn: ({ signal }) => getCandidateProfile(phone, { signal }),
    refetchInterval: LIVE_REFRESH_MS,
  });

export const useCandidateProfile = (phone: string) => useQuery(candidateProfileQuery(phone));
