import type {
  RequestOptions,
  SearchCursor,
  SearchFacets,
  SearchFilters,
  SearchKind,
  SearchPage,
} from '../backend-types';
import type { DbClient } from '../lean-client';
import { SEARCH_MAX_LENGTH, searchQueryProblem } from '../search-text';
import { fail } from '../api-error';

const SEARCH_PAGE_SIZE = 30;

/** The filters as the search functions' arguments; an unset filter is left out. */
function filterArgs({ query, campaign, kind, sender, from, to }: SearchFilters) {
  return {
    p_query: query.trim().slice(0, SEARCH_MAX_LENGTH),
    ...(campaign && { p_campaign: campaign }),
    ...(kind && { p_kind: kind }),
    // Calls have both speakers: a sender filter keeps messages only.
    ...(sender && { p_sender: sender, p_kind: 'message' }),
    ...(from && { p_from: from }),
    ...(to && { p_to: to }),
  };
}

const EMPTY_FACETS: SearchFacets = {
  total: 0,
  totalCapped: false,
  kinds: {},
  senders: {},
  campaigns: {},
  capped: false,
  corrected: null,
};

/** One search over every message, call transcript and call analysis the user may read. */
export function createSearchQueries(client: DbClient) {
  return {
    /** A page of hits, newest first; a query too short to search gives no hits, no request. */
    async searchConversations(
      filters: SearchFilters,
      after: SearchCursor | null = null,
      { signal }: RequestOptions = {},
    ): Promise<SearchPage> {
      if (searchQueryProblem(filters.query)) return { hits: [], next: null, corrected: null };
      let query = client.rpc('search_conversations', {
        ...filterArgs(filters),
        ...(after && {
          p_before_at: after.at ?? undefined,
          p_before_kind: after.kind,
          p_before_id: after.id,
        }),
        // one row more than the page: whether there is a next one, without counting
        p_limit: SEARCH_PAGE_SIZE + 1,
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('search function (search_conversations)')(error, status);
      const rows = data.slice(0, SEARCH_PAGE_SIZE);
      const hits = rows.map((row) => ({
        kind: row.kind as SearchKind,
        id: row.source_id,
        sessionId: row.session_id,
        phone: row.phone_number,
        campaign: row.campaign,
        status: row.status,
        at: row.at,
        sender: row.sender,
        snippet: row.snippet ?? '',
      }));
      const last = hits.at(-1);
      return {
        hits,
        next:
          data.length > SEARCH_PAGE_SIZE && last
            ? { at: last.at, kind: last.kind, id: last.id }
            : null,
        corrected: data[0]?.corrected ?? null,
      };
    },

    async searchFacets(
      filters: SearchFilters,
      { signal }: RequestOptions = {},
    ): Promise<SearchFacets> {
      if (searchQueryProblem(filters.query)) return EMPTY_FACETS;
      let query = client.rpc('search_facets', filterArgs(filters));
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('search counts function (search_facets)')(error, status);
      const facets = (data ?? {}) as Record<string, unknown>;
      return {
        total: Number(facets.total ?? 0),
        totalCapped: facets.total_capped === true,
        kinds: (facets.kinds ?? {}) as SearchFacets['kinds'],
        senders: (facets.senders ?? {}) as SearchFacets['senders'],
        campaigns: (facets.campaigns ?? {}) as SearchFacets['campaigns'],
        capped: facets.capped === true,
        corrected: typeof facets.corrected === 'string' ? facets.corrected : null,
      };
    },
  };
}
