import { CANDIDATE_STAGES, type CandidateStage } from '@/lib/app-types';
import { choiceField, countField, nameField, textField, urlState } from '@/lib/url-state';

// The candidates page's search, filters and page live in the URL, so a link or Back restores them.

export interface CandidateListState {
  search: string;
  campaign: string | null;
  stage: CandidateStage | null;
  /** 1-based. */
  page: number;
}

const LIST_STATE = urlState<CandidateListState>({
  search: textField('q'),
  campaign: nameField('campaign'),
  stage: choiceField('stage', CANDIDATE_STAGES, null),
  page: countField('page', 1, Number.MAX_SAFE_INTEGER),
});

export const readListParams = LIST_STATE.read;

/** `params` with `change` applied; changing the search or a filter goes back to the first page. */
export const writeListParams = (params: URLSearchParams, change: Partial<CandidateListState>) =>
  LIST_STATE.write(params, { ...change, page: change.page ?? 1 });

export function hasFilters(state: CandidateListState): boolean {
  return state.search.trim() !== '' || state.campaign !== null || state.stage !== null;
}
