import { CANDIDATE_STAGES, type CandidateStage } from '@/lib/app-types';

// The candidates page's search, filters and page live in the URL, so a link or Back restores them.
const SEARCH = 'q';
const CAMPAIGN = 'campaign';
const STAGE = 'stage';
const PAGE = 'page';

export interface CandidateListState {
  search: string;
  campaign: string | null;
  stage: CandidateStage | null;
  /** 1-based. */
  page: number;
}

function stageOf(value: string | null): CandidateStage | null {
  return (CANDIDATE_STAGES as readonly (string | null)[]).includes(value)
    ? (value as CandidateStage)
    : null;
}

export function readListParams(params: URLSearchParams): CandidateListState {
  const page = Number(params.get(PAGE));
  return {
    search: params.get(SEARCH) ?? '',
    campaign: params.get(CAMPAIGN) || null,
    stage: stageOf(params.get(STAGE)),
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** `params` with `change` applied; changing the search or a filter goes back to the first page. */
export function writeListParams(
  params: URLSearchParams,
  change: Partial<CandidateListState>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null | undefined) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  if (change.search !== undefined) set(SEARCH, change.search.trim());
  if (change.campaign !== undefined) set(CAMPAIGN, change.campaign);
  if (change.stage !== undefined) set(STAGE, change.stage);
  const page = change.page ?? 1;
  set(PAGE, page > 1 ? String(page) : null);
  return next;
}

export function hasFilters(state: CandidateListState): boolean {
  return state.search.trim() !== '' || state.campaign !== null || state.stage !== null;
}
