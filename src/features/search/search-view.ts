import type { SearchFilters, SearchKind, SearchSender } from '@/lib/backend-types';
import { SEARCH_MAX_LENGTH } from '@/lib/search-text';
import { type UrlField, choiceField, nameField, urlState } from '@/lib/url-state';

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

const KINDS: readonly SearchKind[] = ['message', 'call'];
const SENDERS: readonly SearchSender[] = ['user', 'agent'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayField = (param: string): UrlField<string | null> => ({
  param,
  read: (value) =>
    value && DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime())
      ? value
      : null,
  write: (value) => value,
});

const QUERY_PARAM = 'q';
const SEARCH_VIEW = urlState<SearchView>({
  // as typed (spaces included), up to what a search can use
  query: {
    param: QUERY_PARAM,
    read: (value) => (value ?? '').slice(0, SEARCH_MAX_LENGTH * 5),
    write: (value) => (value.trim() ? value : null),
  },
  campaign: nameField('campaign'),
  kind: choiceField('kind', KINDS, null),
  sender: choiceField('sender', SENDERS, null),
  from: dayField('from'),
  to: dayField('to'),
});

export const parseSearchView = SEARCH_VIEW.read;
/** `params` with `changes` applied; empty values leave the URL, other parameters stay. */
export const withSearchView = SEARCH_VIEW.write;

/** The link the header's box opens: a new search, no filters. */
export const searchHref = (query: string) =>
  `/search?${new URLSearchParams({ [QUERY_PARAM]: query.trim() }).toString()}`;

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
