import X from 'lucide-react/icons/x';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FilterBar, campaignSelect } from '@/components/filter-bar';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { useSearchFacets, useSearchHits, useSearchPeople } from '@/data/search/search-query';
import type { SearchFacets } from '@/lib/backend-types';
import { withCandidate } from '@/lib/candidate-link';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { SEARCH_MAX_LENGTH, searchQueryProblem } from '@/lib/search-text';
import { SearchResults } from './search-results';
import {
  type SearchView,
  hasSearchFilters,
  parseSearchView,
  searchFilters,
  withSearchView,
} from './search-view';

/** "12", or "600+" where the count stopped at the first 1,000 hits. */
const countLabel = (n: number | undefined, atLeast: boolean) =>
  n === undefined ? '0' : `${formatCount(n)}${atLeast ? '+' : ''}`;

/** A query as shown in a sentence: pasted text can be pages long. */
const shortened = (text: string) =>
  [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text;

function totalLabel(facets: SearchFacets): string {
  if (facets.totalCapped) return `${formatCount(1000)}+ results`;
  return `${formatCount(facets.total)} ${facets.total === 1 ? 'result' : 'results'}`;
}

function DayField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      />
    </div>
  );
}

function SearchFiltersBar({
  view,
  facets,
  onChange,
}: {
  view: SearchView;
  facets: SearchFacets | undefined;
  onChange: (changes: Partial<SearchView>) => void;
}) {
  const capped = facets?.capped ?? false;
  const campaigns = Object.keys(facets?.campaigns ?? {}).sort();
  return (
    <section aria-label="Search and filters" className="grid gap-4 rounded-xl border bg-card p-4">
      <FilterBar
        className="gap-4 md:grid-cols-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]"
        search={{
          label: 'Search messages, call transcripts and analyses',
          placeholder: 'e.g. cscs card, "own van", Wembley, a name or phone',
          value: view.query,
          onCommit: (query) => onChange({ query }),
          className: 'md:col-span-3 lg:col-span-1',
        }}
        selects={[
          {
            ...campaignSelect(view.campaign, campaigns, (campaign) => onChange({ campaign })),
            options: campaigns.map((name) => ({
              value: name,
              label: `${name} (${countLabel(facets?.campaigns[name], capped)})`,
            })),
          },
          {
            label: 'Kind',
            allLabel: 'Messages and calls',
            value: view.kind ?? '',
            options: [
              {
                value: 'message',
                label: `Messages (${countLabel(facets?.kinds.message, capped)})`,
              },
              { value: 'call', label: `Calls (${countLabel(facets?.kinds.call, capped)})` },
            ],
            onChange: (kind) => onChange({ kind: (kind || null) as SearchView['kind'] }),
          },
          {
            label: 'Sender (messages)',
            allLabel: 'Anyone',
            value: view.sender ?? '',
            options: [
              { value: 'user', label: `Candidate (${countLabel(facets?.senders.user, capped)})` },
              { value: 'agent', label: `Agent (${countLabel(facets?.senders.agent, capped)})` },
            ],
            onChange: (sender) => onChange({ sender: (sender || null) as SearchView['sender'] }),
          },
        ]}
      />
      <div className="flex flex-wrap items-end gap-4">
        <DayField label="From" value={view.from} onChange={(from) => onChange({ from })} />
        <DayField label="To" value={view.to} onChange={(to) => onChange({ to })} />
        {hasSearchFilters(view) && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() =>
              onChange({ campaign: null, kind: null, sender: null, from: null, to: null })
            }
          >
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
    </section>
  );
}

/** Candidates whose name or phone is what was typed. */
function People({ query }: { query: string }) {
  const [params] = useSearchParams();
  const { data } = useSearchPeople(query);
  if (!data?.rows.length) return null;
  return (
    <section aria-label="Candidates" className="grid gap-2">
      <h2 className="text-sm font-medium text-muted-foreground">Candidates</h2>
      <ul className="flex flex-wrap gap-2">
        {data.rows.map((candidate) => (
          <li key={candidate.id}>
            <Link
              to={`?${withCandidate(params, candidate.phoneNumber, 'info').toString()}`}
              className="grid rounded-lg border bg-card px-3 py-2 text-sm outline-none hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <span className="font-medium">{candidate.fullName}</span>
              <span className="text-muted-foreground">
                {formatPhone(candidate.phoneNumber)}
                {candidate.campaign && ` · ${candidate.campaign}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultsSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Searching">
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} className="h-32 w-full rounded-xl" />
      ))}
    </div>
  );
}

/** One search over every conversation, call transcript and call analysis (`/search?q=…`). */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const view = parseSearchView(params);
  const filters = searchFilters(view);
  const problem = searchQueryProblem(view.query);
  const hits = useSearchHits(filters);
  const facets = useSearchFacets(filters);
  // A new query is a step Back can undo; so is each filter.
  const change = (changes: Partial<SearchView>) =>
    setParams((current) => withSearchView(current, changes));

  const allHits = hits.data?.pages.flatMap((page) => page.hits) ?? [];
  const corrected = facets.data?.corrected ?? hits.data?.pages[0]?.corrected ?? null;

  return (
    <div className="grid gap-5">
      <h1 className="text-2xl font-semibold">Search</h1>
      <SearchFiltersBar view={view} facets={facets.data} onChange={change} />
      {problem ? (
        <EmptyState title={view.query.trim() ? 'Too short to search' : 'Search every conversation'}>
          {problem} Words match in any order, accents and capitals don&apos;t matter, and a small
          typo in a longer word is forgiven.
        </EmptyState>
      ) : (
        <>
          {view.query.length > SEARCH_MAX_LENGTH && (
            <p className="text-sm text-muted-foreground">
              Only the first {SEARCH_MAX_LENGTH} characters of the search are used.
            </p>
          )}
          <People query={view.query} />
          {hits.isError && !hits.data ? (
            <ErrorState
              title="Couldn't search"
              error={hits.error}
              onRetry={() => void hits.refetch()}
            />
          ) : !hits.data ? (
            <ResultsSkeleton />
          ) : (
            <section aria-label="Results" className="grid gap-3" aria-busy={hits.isFetching}>
              <p className="text-sm text-muted-foreground" role="status">
                {facets.data ? totalLabel(facets.data) : 'Counting…'}
                {corrected && (
                  <>
                    {' · '}including results for{' '}
                    <span className="font-medium text-foreground">{corrected}</span>
                  </>
                )}
              </p>
              {allHits.length === 0 ? (
                <EmptyState title={`Nothing matches “${shortened(view.query.trim())}”`}>
                  {hasSearchFilters(view)
                    ? 'Try clearing the filters, or fewer words.'
                    : 'Try fewer or other words; a phrase in quotes matches only in that order.'}
                </EmptyState>
              ) : (
                <SearchResults hits={allHits} />
              )}
              {hits.hasNextPage && (
                <Button
                  variant="outline"
                  className="justify-self-center"
                  disabled={hits.isFetchingNextPage}
                  onClick={() => void hits.fetchNextPage()}
                >
                  {hits.isFetchingNextPage ? 'Loading…' : 'Show more results'}
                </Button>
              )}
              {hits.isFetchNextPageError && (
                <ErrorState
                  title="Couldn't load more results"
                  error={hits.error}
                  onRetry={() => void hits.fetchNextPage()}
                />
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
