import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listCandidates } from '@/lib/app-api';
import type { CandidateFilters } from '@/lib/app-types';
import { candidateKeys } from './keys';

export const candidatesQuery = (filters: CandidateFilters, offset = 0, limit = 50) =>
  queryOptions({
    queryKey: candidateKeys.list(filters, offset, limit),
    queryFn: ({ signal }) => listCandidates(filters, { offset, limit }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useCandidates = (filters: CandidateFilters, offset = 0, limit = 50) =>
  useQuery(candidatesQuery(filters, offset, limit));
