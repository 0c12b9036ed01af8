import { queryOptions, useQuery } from '@tanstack/react-query';
import { listJobs } from '@/lib/app-api';
import { candidateKeys } from './keys';

export const jobsQuery = () =>
  queryOptions({
    queryKey: candidateKeys.jobs(),
    queryFn: ({ signal }) => listJobs({ signal }),
    staleTime: 5 * 60_000,
  });

export const useJobs = () => useQuery(jobsQuery());
