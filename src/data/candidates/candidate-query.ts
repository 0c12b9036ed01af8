import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateByPhone } from '@/lib/app-api';
import { candidateKeys } from './keys';

/** The app's record of the candidate with this phone (any format), or null. */
const candidateQuery = (phone: string) =>
  queryOptions({
    queryKey: candidateKeys.byPhone(phone),
    queryFn: ({ signal }) => getCandidateByPhone(phone, { signal }),
  });

export const useCandidate = (phone: string) => useQuery(candidateQuery(phone));
