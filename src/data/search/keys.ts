import type { SearchFilters } from '@/lib/backend-types';

export const searchKeys = {
  all: ['search'] as const,
  allHits: ['search', 'hits'] as const,
  allFacets: ['search', 'facets'] as const,
  hits: (filters: SearchFilters) => [...searchKeys.allHits, filters] as const,
  facets: (filters: SearchFilters) => [...searchKeys.allFacets, filters] as const,
  people: (query: string) => [...searchKeys.all, 'people', query] as const,
};
