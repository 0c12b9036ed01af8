import type { CandidateFilters } from '@/lib/app-types';

export const candidateKeys = {
  all: ['candidates'] as const,
  lists: () => [...candidateKeys.all, 'list'] as const,
  list: (filters: CandidateFilters, offset: number, limit: number) =>
    [...candidateKeys.lists(), filters, { offset, limit }] as const,
  byPhone: (phone: string) => [...candidateKeys.all, 'by-phone', phone] as const,
  profiles: () => [...candidateKeys.all, 'profile'] as const,
  profile: (phone: string) => [...candidateKeys.profiles(), phone] as const,
};
