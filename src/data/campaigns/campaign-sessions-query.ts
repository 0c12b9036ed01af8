import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getCampaignSessions } from '@/lib/backend-api';
import type { CampaignSessionData, CampaignSessionFilters } from '@/lib/backend-types';
import { type WithCandidateName, withCandidateNames } from '../live/with-candidate-names';
import { STATS_REFRESH_MS } from '../refresh';
import { campaignKeys } from './keys';

export type CampaignSession = WithCandidateName<CampaignSessionData>;

/** A campaign's sessions filtered in Postgres, with the total and the names the app knows. */
async function fetchCampaignSessions(
  campaign: string,
  filters: CampaignSessionFilters,
  signal?: AbortSignal,
): Promise<{ rows: CampaignSession[]; total: number }> {
  const page = await getCampaignSessions(campaign, filters, { signal });
  return { rows: await withCandidateNames(page.rows, { signal }), total: page.total };
}

const campaignSessionsQuery = (campaign: string, filters: CampaignSessionFilters = {}) =>
  queryOptions({
    queryKey: campaignKeys.sessions(campaign, filters),
    queryFn: ({ signal }) => fetchCampaignSessions(campaign, filters, signal),
    refetchInterval: STATS_REFRESH_MS,
    // A new filter keeps the old rows on screen until its own arrive.
    placeholderData: keepPreviousData,
  });

export const useCampaignSessions = (campaign: string, filters: CampaignSessionFilters = {}) =>
  useQuery(campaignSessionsQuery(campaign, filters));
