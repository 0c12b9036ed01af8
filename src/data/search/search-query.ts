import {
  type InfiniteData,
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { listCandidates } from '@/lib/app-api';
import { searchConversations, searchFacets } from '@/lib/backend-api';
import type { SearchCursor, SearchFilters, SearchPage } from '@/lib/backend-types';
import { searchQueryProblem } from '@/lib/search-text';
import { type WithCandidateName, withCandidateNames } from '../live/with-candidate-names';
import { searchKeys } from './keys';

/** A page of hits, each with the candidate's name where the app knows the phone. */
export type NamedSearchPage = Omit<SearchPage, 'hits'> & {
  hits: WithCandidateName<SearchPage['hits'][number] & { phoneNumber: string | null }>[];
};
export type SearchPages = InfiniteData<NamedSearchPage, SearchCursor | null>;

async function fetchSearchPage(
  filters: SearchFilters,
  cursor: SearchCursor | null,
  signal: AbortSignal,
): Promise<NamedSearchPage> {
  const page = await searchConversations(filters, cursor, { signal });
  const hits = await withCandidateNames(
    page.hits.map((hit) => ({ ...hit, phoneNumber: hit.phone })),
    { signal },
  );
  return { ...page, hits };
}

const searchHitsQuery = (filters: SearchFilters) =>
  infiniteQueryOptions({
    queryKey: searchKeys.hits(filters),
    queryFn: ({ pageParam, signal }) => fetchSearchPage(filters, pageParam, signal),
    initialPageParam: null as SearchCursor | null,
    getNextPageParam: (last: NamedSearchPage) => last.next,
    enabled: searchQueryProblem(filters.query) === null,
  });

/** The hits, newest first, a page at a time (`fetchNextPage` for more). */
export function useSearchHits(filters: SearchFilters) {
  return useInfiniteQuery({ ...searchHitsQuery(filters), placeholderData: keepPreviousData });
}

/** Counts for the filters and the total (capped at 1,000). */
export function useSearchFacets(filters: SearchFilters) {
  return useQuery({
    ...queryOptions({
      queryKey: searchKeys.facets(filters),
      queryFn: ({ signal }) => searchFacets(filters, { signal }),
      enabled: searchQueryProblem(filters.query) === null,
    }),
    placeholderData: keepPreviousData,
  });
}

// A few people are enough: the Candidates page lists them all.
const PEOPLE_SHOWN = 5;

/** Candidates whose name or phone matches the query (the Candidates page's own search). */
export function useSearchPeople(query: string) {
  const text = query.trim();
  return useQuery({
    queryKey: searchKeys.people(text),
    queryFn: ({ signal }) => listCandidates({ search: text }, { limit: PEOPLE_SHOWN }, { signal }),
    enabled: searchQueryProblem(text) === null,
    placeholderData: keepPreviousData,
  });
}
