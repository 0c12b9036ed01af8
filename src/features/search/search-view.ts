import type { SearchFilters, SearchKind, SearchSender } from '@/lib/backend-types';
import { SEARCH_MAX_LENGTH } from '@/lib/search-text';

// The Search page's state is its URL (/search?q=…&campaign=…&kind=call&sender=user&from=…&to=…):
// shareable, and Back and Forward step through searches. Unknown or malformed values are dropped.

export interface SearchView {
  query: string;
  campaign: string | null;
  kind: SearchKind | null;
  sender: SearchSender | null;
  /** Calendar days, `YYYY-MM-DD`, both included. */
  from: string | null;
  to: string | null;
}

const PARAM = {
  query: 'q',
  campaign: 'campaign',
  kind: 'kind',
  sender: 'sender',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof SearchView, string>;

const KINDS: readonly SearchKind[] = ['message', 'call'];
const SENDERS: readonly SearchSender[] = ['user', 'agent'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | null =>
  options.includes(value as T) ? (value as T) : null;

function day(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : value;
}

export function parseSearchView(params: URLSearchParams): SearchView {
  return {
    query: (params.get(PARAM.query) ?? '').slice(0, SEARCH_MAX_LENGTH * 5),
    campaign: params.get(PARAM.campaign) || null,
    kind: oneOf(params.get(PARAM.kind), KINDS),
    sender: oneOf(params.get(PARAM.sender), SENDERS),
    from: day(params.get(PARAM.from)),
    to: day(params.get(PARAM.to)),
  };
}

/** `params` with `changes` applied; empty values leave the URL, other parameters stay. */
export function withSearchView(
  params: URLSearchParams,
  changes: Partial<SearchView>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes) as [keyof SearchView, string | null][]) {
    const text = value?.trim() ?? '';
    if (text) next.set(PARAM[key], key === 'query' ? value! : text);
    else next.delete(PARAM[key]);
  }
  return next;
}

/** The link the header's box opens: a new search, no filters. */
export const searchHref = (query: string) =>
  `/search?${new URLSearchParams({ [PARAM.query]: query.trim() }).toString()}`;

/** The view as the API's filters: days as instants in the user's time zone, `to` included. */
export function searchFilters(view: SearchView): SearchFilters {
  const start = (value: string) => new Date(`${value}T00:00:00`);
  const end = view.to ? start(view.to) : null;
  end?.setDate(end.getDate() + 1);
  return {
    query: view.query.trim(),
    campaign: view.campaign,
    kind: view.kind,
    sender: view.sender,
    from: view.from ? start(view.from).toISOString() : null,
    to: end ? end.toISOString() : null,
  };
}

export const hasSearchFilters = (view: SearchView) =>
  Boolean(view.campaign || view.kind || view.sender || view.from || view.to);
