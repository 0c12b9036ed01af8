import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Button } from '@/components/ui/button';
import { CANDIDATES_PAGE_SIZE, useCandidates } from '@/data/candidates/candidates-query';
import {
  hasFilters,
  readListParams,
  writeListParams,
  type CandidateListState,
} from './candidate-list-params';
import { CandidateFilters } from './candidate-filters';
import { CandidatesPager } from './candidates-pager';
import { CandidatesTable, CandidatesTableSkeleton } from './candidates-table';

/** Every candidate with their conversation's status: find one by name or any phone format. */
export function CandidatesPage() {
  const [params, setParams] = useSearchParams();
  const state = readListParams(params);
  const { data, error, isError, isFetching, isPlaceholderData, refetch } = useCandidates(
    { search: state.search || null, campaign: state.campaign, stage: state.stage },
    (state.page - 1) * CANDIDATES_PAGE_SIZE,
  );
  // Typing replaces the history entry; a filter or page change is a step Back can undo.
  const change = (next: Partial<CandidateListState>) =>
    setParams((current) => writeListParams(current, next), {
      replace: next.search !== undefined && Object.keys(next).length === 1,
    });

  return (
    <div className="grid gap-5">
      <h1 className="text-2xl font-semibold">Candidates</h1>
      <CandidateFilters state={state} onChange={change} />
      {isError && !data ? (
        <ErrorState
          title="Couldn't load the candidates"
          error={error}
          onRetry={() => void refetch()}
        />
      ) : !data ? (
        <CandidatesTableSkeleton />
      ) : data.rows.length === 0 ? (
        <EmptyState
          title={
            data.total > 0
              ? `Page ${state.page} is past the last one`
              : hasFilters(state)
                ? 'No candidates match these filters'
                : 'No candidates yet'
          }
        >
          {data.total > 0 ? (
            <Button variant="outline" size="sm" onClick={() => change({ page: 1 })}>
              Go to the first page
            </Button>
          ) : hasFilters(state) ? (
            <>
              <p>
                Search looks at names and at whole or partial phone numbers in any format; the
                campaign and stage filters narrow it further.
              </p>
              <Button
                variant="outline"
                size="sm"
                className="mt-3"
                onClick={() => change({ search: '', campaign: null, stage: null })}
              >
                Clear search and filters
              </Button>
            </>
          ) : (
            'Candidates added to the app database appear here.'
          )}
        </EmptyState>
      ) : (
        <>
          <CandidatesTable rows={data.rows} busy={isPlaceholderData && isFetching} />
          <CandidatesPager
            page={state.page}
            pageSize={CANDIDATES_PAGE_SIZE}
            shown={data.rows.length}
            total={data.total}
            onPage={(page) => change({ page })}
          />
        </>
      )}
    </div>
  );
}

export default CandidatesPage;
